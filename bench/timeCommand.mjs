import { spawnSync } from 'node:child_process';

/**
 * Runs a command to completion and returns its wall-clock time. spawnSync, so that nothing else
 * of the bench (timers, its event loop) runs during a measurement; the spawn cost is the same for
 * every contender, the baseline included.
 * @param {string} file
 * @param {readonly string[]} args
 * @param {{ cwd?: string, env?: Record<string, string>, timeoutMs?: number }} [options]
 * @returns {{ ms: number, ok: boolean, output: string }} output: stdout and stderr, for failures
 */
export function timeCommand(file, args, options = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(file, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: options.timeoutMs ?? 120_000,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `\n${result.error.message}` : ''}`;
  return { ms, ok: result.status === 0 && !result.error, output };
}
