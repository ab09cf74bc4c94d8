// Shapes shared by the bench modules (plain .mjs checked through JSDoc).

export interface Table {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export type Status = 'pass' | 'miss' | 'n/a' | 'fail';

/** One line of the summary: a target from issue 8 and what this run measured. */
export interface Target {
  readonly name: string;
  readonly target: string;
  readonly measured: string;
  readonly status: Status;
  /** For a missed goal: by how much, and why, from figures of the same run. */
  readonly why?: string;
}

/** What each measure returns: its own tables and notes, and its lines of the summary. */
export interface Section {
  readonly id: string;
  readonly title: string;
  readonly tables: readonly Table[];
  readonly targets: readonly Target[];
  readonly notes: readonly string[];
}

/** A command of an interleaved comparison; prepare() runs outside the timing (fresh dirs). */
export interface Contender {
  readonly name: string;
  prepare(): { file: string; args: readonly string[]; cwd?: string; cleanup?: () => void };
}

export interface Options {
  readonly only: ReadonlySet<string>;
  readonly runs: number | undefined;
  readonly write: boolean;
  readonly ccdsTemplate: string | undefined;
}

/** A Python project generated and installed for the green and service measures. */
export interface Project {
  readonly root: string;
  readonly packageName: string;
  readonly python: string;
  readonly bin: (name: string) => string;
}

export interface Phase {
  readonly name: string;
  readonly file: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly timeoutMs: number;
  /** Later phases cannot run without this one (generate, venv, install). */
  readonly required?: boolean;
  /** Added to the run's environment for this phase only. */
  readonly env?: Readonly<Record<string, string>>;
}

export interface PhaseResult {
  readonly name: string;
  readonly ms: number;
  readonly status: 'ok' | 'failed' | 'skipped';
  readonly output: string;
}
