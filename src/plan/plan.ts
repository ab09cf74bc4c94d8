import type { Answers } from '../options/schema.js';

/** One file the run will write, fully rendered, with where it came from. */
export interface PlannedFile {
  /** POSIX path relative to the project root. */
  readonly path: string;
  readonly content: Buffer;
  /** File mode bits (0o644 or 0o755). */
  readonly mode: number;
  /** The template it came from, relative to templates/ ('' for generated files). */
  readonly source: string;
}

/** The whole project, in memory, before anything touches the disk. */
export interface Plan {
  readonly answers: Answers;
  readonly files: readonly PlannedFile[];
}
