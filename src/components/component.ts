import type { Answers } from '../options/schema.js';

/** What one component adds to the project: overlay folders and render data. */
export interface Contribution {
  /** Folders under templates/, layered in order over the ones before (a later file wins). */
  readonly overlays: readonly string[];
  /** Folders under src/features/ (a feature module's own files), layered right after `overlays`. */
  readonly featureOverlays?: readonly string[];
  /** Handlebars partials: every `*.hbs` of `folder` (under src/features/) as `{{> prefix/<name>}}`. */
  readonly partials?: readonly PartialFolder[];
  /** Values merged into the template context. */
  readonly data?: Readonly<Record<string, unknown>>;
}

/** A feature module's template fragments, which hub templates render by name. */
export interface PartialFolder {
  readonly prefix: string;
  /** Relative to src/features/ (shipped in the package beside the bundle). */
  readonly folder: string;
  /**
   * False for a module of a multi-choice option that was not chosen: its fragments' names are
   * registered, so hubs may call them, but it adds nothing. Several chosen modules' fragments of
   * one name render one after the other, in the contributions' order.
   */
  readonly chosen?: boolean;
}

/** A pure module: answers in, contribution out. It never touches the disk. */
export interface Component {
  readonly id: string;
  contribute(answers: Answers): Contribution | undefined;
}
