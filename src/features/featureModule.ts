/**
 * A feature module is one folder per choice of an option, `src/features/<option>/<id>/`: its
 * declaration (`feature.ts`), `files/` (the files only this choice has, layered over the base like
 * a templates/ overlay) and `partials/`, one Handlebars fragment per place a shared ("hub")
 * template differs by choice, rendered as `{{> <option>/<name>}}`. Every choice has every fragment
 * (a comment where it adds nothing), so a hub never tests the choice's id.
 */

/** Where a choice's own files are, relative to `src/features/`. */
export const featureFilesFolder = (option: string, id: string): string => `${option}/${id}/files`;

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
