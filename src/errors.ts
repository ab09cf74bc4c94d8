/**
 * Exit codes of the CLI contract: 0 ok, 1 failure, 2 usage or validation, 130 cancelled; and 5
 * for `check`: the project is behind (as copier's check-update), distinct from a failure.
 */
export const ExitCode = { ok: 0, failure: 1, usage: 2, behind: 5, cancelled: 130 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Bad input from the user: a flag, an answer, the target directory. Exit 2. */
export class UsageError extends Error {
  readonly exitCode = ExitCode.usage;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The user cancelled (Ctrl-C, SIGTERM, a declined prompt). Exit 130. */
export class CancelledError extends Error {
  readonly exitCode = ExitCode.cancelled;
  constructor(message = 'Cancelled.') {
    super(message);
    this.name = 'CancelledError';
  }
}

/** A step that ran but failed (write, git, install). Exit 1. */
export class StepError extends Error {
  readonly exitCode = ExitCode.failure;
  constructor(
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'StepError';
  }
}

export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof UsageError || error instanceof CancelledError || error instanceof StepError) {
    return error.exitCode;
  }
  return ExitCode.failure;
}
