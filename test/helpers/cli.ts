import { execa } from 'execa';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const binPath = path.join(repoRoot, 'bin', 'create-ml-prod.js');

export function tempDir(prefix = 'cmp-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A clean environment: no CI, no colour forcing, a fixed git identity. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !['CI', 'NO_COLOR', 'FORCE_COLOR', 'GITHUB_ACTIONS'].includes(key)) env[key] = value;
  }
  return {
    ...env,
    GIT_AUTHOR_NAME: 'Test User',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test User',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    ...extra,
  };
}

/** Runs the built bin with no terminal (stdin ignored), never throwing on a non-zero exit. */
export function runCli(
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string>; timeout?: number },
) {
  return execa(process.execPath, [binPath, ...args], {
    cwd: options.cwd,
    env: options.env ?? cleanEnv(),
    timeout: options.timeout ?? 60_000,
    reject: false,
    stdin: 'ignore',
    extendEnv: false,
  });
}
