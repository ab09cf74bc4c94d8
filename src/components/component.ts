import type { Answers } from '../options/schema.js';

/** What one component adds to the project: overlay folders and render data. */
export interface Contribution {
  /** Folders under templates/, layered in order over the ones before (a later file wins). */
  readonly overlays: readonly string[];
  /** Values merged into the template context. */
  readonly data?: Readonly<Record<string, unknown>>;
}

/** A pure module: answers in, contribution out. It never touches the disk. */
export interface Component {
  readonly id: string;
  contribute(answers: Answers): Contribution | undefined;
}
