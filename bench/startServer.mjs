import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { onInterrupt } from './onInterrupt.mjs';

/**
 * Starts a long-running process with its output in a log file (a pipe nobody reads would fill up
 * and stall a server that logs every request), and the means to watch and stop it.
 * @param {string} file
 * @param {readonly string[]} args
 * @param {{ cwd: string, env: Record<string, string>, logFile: string }} options
 */
export function startServer(file, args, { cwd, env, logFile }) {
  const fd = openSync(logFile, 'w');
  const child = spawn(file, args, { cwd, env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  /** @type {string | undefined} */
  let exited;
  child.on('exit', (code, signal) => {
    exited = `the server exited (${signal ?? `code ${code}`})`;
  });
  child.on('error', (error) => {
    exited = `the server could not start: ${error.message}`;
  });
  // Ctrl-C during the load test must not leave the server behind.
  const unregister = onInterrupt(() => child.kill('SIGKILL'));

  return {
    /** Why the server is gone, if it is. */
    gone: () => exited,
    log: () => readFileSync(logFile, 'utf8'),
    /** SIGTERM, then SIGKILL after 10 s; resolves once the process has exited. */
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) {
        unregister();
        return;
      }
      const done = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await done;
      clearTimeout(timer);
      unregister();
    },
  };
}
