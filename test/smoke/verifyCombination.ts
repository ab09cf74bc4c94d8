import { execa } from 'execa';
import { existsSync, mkdirSync, readFileSync, rmSync, statfsSync } from 'node:fs';
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
  /** Wall seconds, CPU seconds (user + system of the CLI and its children, when GNU time is there) and each check's seconds. */
  readonly timing: string;
  /** Empty when it passed; otherwise a short account that a truncated CI log still shows whole. */
  readonly problem: string;
}

export interface VerifyOptions {
  /** Remove a project that passed (a pip or Poetry .venv is 1.2 GB, and CI disks can be small). */
  readonly removePassed?: boolean;
  /**
   * The caches' environment variables (UV_CACHE_DIR...), given a folder of the project's own
   * beside it (removed with it). Without it, the machine's caches and the smoke uv cache.
   */
  readonly caches?: (own: string) => Record<string, string>;
  /** The test's signal: a test that timed out stops its project's tools rather than leave them running. */
  readonly signal?: AbortSignal;
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
  const own = options.caches?.(caches) ?? {};
  const started = performance.now();
  const cpuFile = `${root}.cpu`;
  // GNU time gives the CPU time of the whole run (the CLI and every tool it starts), a figure a
  // busy machine skews far less than wall time.
  const timed = existsSync(GNU_TIME) ? [GNU_TIME, '--format', '%U %S', '--output', cpuFile] : [];
  const [file, ...args] = [...timed, process.execPath, binPath, name, '--yes', '--no-git', '--verify', '--no-color', ...flags] as [string, ...string[]];
  const child = execa(file, args, {
    cwd: parent,
    env: cleanEnv({ ...smokeEnv(), ...own }),
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
    all: true,
    // A process group of its own, so that a timed-out test can stop the CLI and every tool it
    // started (GNU time would die alone on SIGTERM and leave them running).
    detached: true,
  });
  const stop = () => stopGroup(child.pid);
  options.signal?.addEventListener('abort', stop, { once: true });
  const result = await child.finally(() => options.signal?.removeEventListener('abort', stop));
  const timing = describeTiming((performance.now() - started) / 1000, cpuSeconds(cpuFile), result.stdout);
  rmSync(cpuFile, { force: true });
  const passed = result.exitCode === 0 && /0 failed, 0 skipped/.test(result.stdout);
  const problem = passed ? '' : describeFailure(result.exitCode, result.all ?? '', parent, flags);
  if (!keepProject(passed, options.removePassed ?? false)) rmSync(root, { recursive: true, force: true });
  rmSync(caches, { recursive: true, force: true }); // a kept .venv holds its own hardlinks
  return { exitCode: result.exitCode, stdout: result.stdout, timing, problem };
}

const GNU_TIME = '/usr/bin/time';

/** SIGTERM to the process group (the CLI aborts its checks), SIGKILL to what is left 10 s later. */
function stopGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // the group is gone
    }
  };
  kill('SIGTERM');
  setTimeout(() => kill('SIGKILL'), 10_000).unref();
}

function cpuSeconds(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const [user, system] = readFileSync(file, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return user !== undefined && system !== undefined && Number.isFinite(user + system) ? user + system : undefined;
}

/** `412 s wall, 530 s CPU; uv sync --extra dev 95.1s, mypy 40.2s, ...`: verify's rows, slowest first. */
export function describeTiming(wall: number, cpu: number | undefined, stdout: string): string {
  const rows = [...stdout.matchAll(/^\s+(?:pass|FAIL)\s+(.+?)\s+(\d+\.\d)s$/gm)].map((m) => ({ title: m[1]!.trim(), seconds: Number(m[2]) }));
  rows.sort((a, b) => b.seconds - a.seconds);
  const cpuPart = cpu === undefined ? '' : `, ${cpu.toFixed(0)} s CPU`;
  return `${wall.toFixed(0)} s wall${cpuPart}; ${rows.map((r) => `${r.title} ${r.seconds.toFixed(1)}s`).join(', ')}`;
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
  const bytes = freeDiskBytes(dir);
  return Number.isFinite(bytes) ? `${(bytes / 1e9).toFixed(1)} GB` : 'unknown disk';
}

/** Free bytes on the filesystem of `dir` (or of its nearest existing parent); NaN when unknown. */
export function freeDiskBytes(dir: string): number {
  for (let at = dir; ; at = path.dirname(at)) {
    try {
      const stats = statfsSync(at);
      return stats.bavail * stats.bsize;
    } catch {
      if (path.dirname(at) === at) return Number.NaN;
    }
  }
}
