import { execa, type ResultPromise } from 'execa';
import { StepError } from '../errors.js';

export interface RunOptions {
  readonly cwd: string;
  readonly signal?: AbortSignal;
  readonly env?: Record<string, string>;
}

/** Runs a command quietly; on failure, a StepError carrying the tail of its output. */
export async function runStep(what: string, file: string, args: readonly string[], options: RunOptions) {
  let child: ResultPromise;
  try {
    child = execa(file, args, {
      cwd: options.cwd,
      reject: false,
      all: true,
      stdin: 'ignore',
      env: options.env,
      ...(options.signal ? { cancelSignal: options.signal } : {}),
    });
  } catch (error) {
    throw new StepError(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = await child;
  if (result.isCanceled) return result;
  if (result.failed) {
    const output = typeof result.all === 'string' ? result.all : '';
    const reason = (result as { code?: string }).code === 'ENOENT' ? `${file} is not installed or not on PATH` : `exit code ${String(result.exitCode ?? result.signal)}`;
    throw new StepError(`${what} failed (${reason})`, tail(output));
  }
  return result;
}

export function tail(text: string, lines = 20): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
