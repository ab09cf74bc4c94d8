/**
 * A feature module is one folder per choice of an option, `src/features/<option>/<id>/`: its
 * declaration (`feature.ts`), `files/` (the files only this choice has, layered over the base like
 * a templates/ overlay) and `partials/`, one Handlebars fragment per place a shared ("hub")
 * template differs by choice, rendered as `{{> <option>/<name>}}`. Every choice has every fragment
 * (a comment where it adds nothing), so a hub never tests the choice's id.
 */

/** Where a choice's own files are, relative to `src/features/`. */
export const featureFilesFolder = (option: string, id: string): string => `${option}/${id}/files`;

/** Where a choice's files that need the REST service are (e.g. a router), relative to `src/features/`. */
export const featureServiceFilesFolder = (option: string, id: string): string => `${option}/${id}/service-files`;

/** Where a choice's fragments are, relative to `src/features/`. */
export const featurePartialsFolder = (option: string, id: string): string => `${option}/${id}/partials`;

/**
 * What every feature module declares: its choice's id and, optionally, the values hub templates
 * print or test where a whole fragment would be too much (`{{lintLinters}}`). Every module of an
 * option declares the same keys, none of them an answer's name.
 */
export interface FeatureModule {
  readonly id: string;
  /** Folders under templates/ the module shares with other modules of its option, layered before its own files. */
  readonly sharedOverlays?: readonly string[];
  readonly templateData?: Readonly<Record<string, string | boolean>>;
}

/** One named fragment of a `partials/` file. */
export interface Fragment {
  readonly name: string;
  readonly text: string;
}

const INLINE_BLOCK = /\{\{#\*inline "([\w-]+)"\}\}\n([\s\S]*?)\{\{(~?)\/inline\}\}\n/y;

/**
 * The fragments of one `partials/` file named `<file>.hbs`. A plain file is one fragment, named
 * `<file>`. A file made only of `{{#*inline "<what>"}}` blocks (each tag on its own line) holds
 * one fragment per block, named `<file>-<what>`: a multi-choice option's module keeps its
 * fragments for one hub in one file (fewer files in the package). `{{~/inline}}` ends a fragment
 * without its last line break, as Handlebars would, for a fragment inside a line.
 */
export function fragmentsOf(file: string, text: string): Fragment[] {
  if (!text.startsWith('{{#*inline ')) return [{ name: file, text }];
  const fragments: Fragment[] = [];
  INLINE_BLOCK.lastIndex = 0;
  while (INLINE_BLOCK.lastIndex < text.length) {
    const at = INLINE_BLOCK.lastIndex;
    const block = INLINE_BLOCK.exec(text);
    if (!block) throw new Error(`${file}.hbs: expected {{#*inline "<name>"}} on its own line at offset ${at}`);
    const body = block[3] ? block[2]!.replace(/\n$/, '') : block[2]!;
    fragments.push({ name: `${file}-${block[1]!}`, text: body });
  }
  return fragments;
}
