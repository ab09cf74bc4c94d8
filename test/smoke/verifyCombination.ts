import { execa } from 'execa';
import { mkdirSync, rmSync, statfsSync } from 'node:fs';
import path from 'node:path';
import { flagName } from '../../src/options/optionTypes.js';
import { binPath, cleanEnv } from '../helpers/cli.js';
import { smokeEnv, smokeRoot } from './tools.js';

/** A combination of answers as the CLI flags that give it. */
export function flagsFor(combo: Record<string, unknown>): string[] {
  return Object.entries(combo).flatMap(([id, value]) => {
    const flag = flagName(id);
    if (typeof value === 'boolean') return [value ? `--${flag}` : `--no-${flag}`];
    if (Array.isArray(value)) return [`--${flag}`, value.length ? value.join(',') : 'none'];
    return [`--${flag}`, String(value)];
  });
}

export interface Verified {
  readonly exitCode: number | undefined;
  readonly stdout: string;
  /** Empty when it passed; otherwise a short account that a truncated CI log still shows whole. */
  readonly problem: string;
}

export interface VerifyOptions {
  /** Remove a project that passed (a pip or Poetry .venv is 1.2 GB, and CI disks can be small). */
  readonly removePassed?: boolean;
  /**
   * uv, Poetry and pip caches of the project's own, beside it, removed with it: the pairwise
   * sample's optional stacks (Spark, Dask, MLflow, Prefect...) grow one shared uv cache past 8 GB.
   */
  readonly ownCaches?: boolean;
}

/**
 * Generates a project with these flags into .smoke/<folder>/<name> and runs `verify` on it, as a
 * user would. A project that failed stays for a look, but not under CI. SMOKE_KEEP=1 keeps every
 * project, SMOKE_KEEP=0 none.
 */
export async function generateAndVerify(folder: string, name: string, flags: readonly string[], options: VerifyOptions = {}): Promise<Verified> {
  const parent = path.join(smokeRoot, folder);
  const root = path.join(parent, name);
  const caches = `${root}.caches`;
  mkdirSync(parent, { recursive: true });
  for (const dir of [root, caches]) rmSync(dir, { recursive: true, force: true });
  const own: Record<string, string> = options.ownCaches
    ? { UV_CACHE_DIR: path.join(caches, 'uv'), POETRY_CACHE_DIR: path.join(caches, 'poetry'), PIP_CACHE_DIR: path.join(caches, 'pip') }
    : {};
  const result = await execa(process.execPath, [binPath, name, '--yes', '--no-git', '--verify', '--no-color', ...flags], {
    cwd: parent,
    env: cleanEnv({ ...smokeEnv(), ...own }),
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
    all: true,
  });
  const passed = result.exitCode === 0 && /0 failed, 0 skipped/.test(result.stdout);
  const problem = passed ? '' : describeFailure(result.exitCode, result.all ?? '', parent, flags);
  if (!keepProject(passed, options.removePassed ?? false)) rmSync(root, { recursive: true, force: true });
  rmSync(caches, { recursive: true, force: true }); // a kept .venv holds its own hardlinks
  return { exitCode: result.exitCode, stdout: result.stdout, problem };
}

/**
 * Whether a smoke project stays on disk after its tests: SMOKE_KEEP=1 keeps every one and
 * SMOKE_KEEP=0 none; otherwise one that passed goes if `removePassed`, one that failed under CI.
 */
export function keepProject(passed: boolean, removePassed: boolean): boolean {
  if (process.env.SMOKE_KEEP) return process.env.SMOKE_KEEP === '1';
  return passed ? !removePassed : !process.env.CI;
}

/** Exit code, free disk, verify's failed or skipped checks, then the output's tail. */
export function describeFailure(exitCode: number | undefined, output: string, dir: string, flags: readonly string[]): string {
  const lines = output.split('\n');
  const marked = lines.filter((l) => /\b(fail|failed|skip|skipped|error)\b/i.test(l) && !/0 failed, 0 skipped/.test(l)).slice(0, 12);
  return [
    `exit ${String(exitCode)}; ${freeDisk(dir)} free; ${marked[0]?.trim() ?? 'no failed check named'}`,
    `flags: ${flags.join(' ')}`,
    ...marked.slice(1),
    '--- last lines:',
    ...lines.slice(-25),
  ].join('\n');
}

export function freeDisk(dir: string): string {
  try {
    const stats = statfsSync(dir);
    return `${((stats.bavail * stats.bsize) / 1e9).toFixed(1)} GB`;
  } catch {
    return 'unknown disk';
  }
}
