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
    stdout: guarded(process.stdout),
    stderr: guarded(process.stderr),
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

/**
 * A stream whose reader may go away (`| head -1`): EPIPE then stops the output, never the work,
 * so the run still finishes (or rolls back) and exits by the contract.
 */
export function guarded(stream: NodeJS.WriteStream): Writable & { isTTY?: boolean } {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') closed = true;
    else throw error;
  });
  return {
    isTTY: stream.isTTY,
    write: (text: string) => {
      if (closed) return false;
      try {
        return stream.write(text);
      } catch {
        closed = true;
        return false;
      }
    },
  };
}
