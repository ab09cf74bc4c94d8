import type { Writable } from '../ui/output.js';

/** What the CLI reads and writes of its process, injectable for tests. */
export interface CliIo {
  readonly stdout: Writable & { isTTY?: boolean };
  readonly stderr: Writable;
  readonly stdinIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Questions are asked only in a terminal (stdin and stdout), without CI set, and without --yes. */
export function canAsk(io: CliIo, yes: boolean): boolean {
  const ciSet = io.env.CI !== undefined && !['', '0', 'false'].includes(io.env.CI.toLowerCase());
  return io.stdinIsTTY && Boolean(io.stdout.isTTY) && !ciSet && !yes;
}
