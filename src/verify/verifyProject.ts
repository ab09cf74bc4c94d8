import { execa } from 'execa';
import path from 'node:path';
import { onPath } from '../steps/onPath.js';
import { projectChecks, type Check } from './checks.js';
import { readRecord } from '../plan/readRecord.js';
import { retryTransient } from './retryTransient.js';

export interface CheckResult {
  readonly id: string;
  readonly title: string;
  readonly status: 'passed' | 'failed' | 'skipped';
  readonly seconds: number;
  /** Why it was skipped, or the tail of the output of a failure. */
  readonly detail?: string;
  /** Runs of a lock or install step a transient index error made necessary, when more than one. */
  readonly attempts?: number;
  /** The transient error that made the first run fail. */
  readonly firstError?: string;
}

export interface VerifyOptions {
  readonly root: string;
  readonly python?: string;
  readonly signal?: AbortSignal;
  readonly env?: Record<string, string | undefined>;
  readonly onResult?: (result: CheckResult) => void;
}

/** Runs every check in order; after a failed install nothing else can run, so the rest is skipped. */
export async function verifyProject(options: VerifyOptions): Promise<CheckResult[]> {
  const env = options.env ?? process.env;
  const results: CheckResult[] = [];
  let blocked = false;
  // The project's recorded answers choose its dependency manager, lint stack and type checking;
  // a project without a record is taken to use the defaults.
  const recorded = await readRecord(options.root).then((record) => record.answers, () => ({}));
  const answers = { depsManager: 'uv', lintStack: 'ruff', typeCheck: true, pythonVersion: '3.11', projectName: path.basename(options.root), ...recorded } as const;
  for (const check of projectChecks(options.python ?? 'python3', answers)) {
    if (check.applies && !check.applies(options.root)) continue;
    const result = blocked
      ? { id: check.id, title: check.title, status: 'skipped' as const, seconds: 0, detail: 'the install failed' }
      : await runCheck(check, options.root, env, options.signal);
    if (result.status === 'failed' && (check.id === 'venv' || check.id === 'lock' || check.id === 'install')) blocked = true;
    results.push(result);
    options.onResult?.(result);
  }
  return results;
}

async function runCheck(
  check: Check,
  root: string,
  env: Record<string, string | undefined>,
  signal: AbortSignal | undefined,
): Promise<CheckResult> {
  const base = { id: check.id, title: check.title };
  if (check.required && !onPath(check.required, env.PATH)) {
    return { ...base, status: 'failed', seconds: 0, detail: `${check.required} is not installed: pip install ${check.required}` };
  }
  if (check.tool && !onPath(check.tool, env.PATH)) {
    return { ...base, status: 'skipped', seconds: 0, detail: `${check.tool} is not installed` };
  }
  const command = check.command(root);
  if (!command) return { ...base, status: 'skipped', seconds: 0, detail: 'nothing to check' };
  const [file, ...args] = command as [string, ...string[]];
  const started = performance.now();
  const run = async () => {
    const result = await execa(file.startsWith('.venv') ? path.join(root, file) : file, args, {
      cwd: root,
      reject: false,
      all: true,
      stdin: 'ignore',
      env: { ...env, VIRTUAL_ENV: path.join(root, '.venv') },
      extendEnv: false,
      ...(signal ? { cancelSignal: signal } : {}),
    });
    return { failed: result.failed, output: typeof result.all === 'string' ? result.all : '' };
  };
  // Only the steps that talk to the package index are tried again; a lint or test failure is final.
  const fetches = check.id === 'lock' || check.id === 'install';
  const { result, attempts, firstError } = fetches ? await retryTransient(run, undefined, (ms) => pause(ms, signal)) : { result: await run(), attempts: 1, firstError: undefined };
  const seconds = (performance.now() - started) / 1000;
  const retried = attempts > 1 ? { attempts, ...(firstError ? { firstError } : {}) } : {};
  if (result.failed) {
    return { ...base, status: 'failed', seconds, detail: result.output.trimEnd().split('\n').slice(-25).join('\n'), ...retried };
  }
  return { ...base, status: 'passed', seconds, ...retried };
}

/** A pause that a cancel (Ctrl-C) ends at once; the next run then fails on the same signal. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}
