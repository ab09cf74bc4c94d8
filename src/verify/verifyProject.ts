import { execa } from 'execa';
import path from 'node:path';
import { onPath } from '../steps/onPath.js';
import { projectChecks, type Check } from './checks.js';
import { readRecord } from '../plan/readRecord.js';

export interface CheckResult {
  readonly id: string;
  readonly title: string;
  readonly status: 'passed' | 'failed' | 'skipped';
  readonly seconds: number;
  /** Why it was skipped, or the tail of the output of a failure. */
  readonly detail?: string;
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
  const result = await execa(file.startsWith('.venv') ? path.join(root, file) : file, args, {
    cwd: root,
    reject: false,
    all: true,
    stdin: 'ignore',
    env: { ...env, VIRTUAL_ENV: path.join(root, '.venv') },
    extendEnv: false,
    ...(signal ? { cancelSignal: signal } : {}),
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.failed) {
    const output = typeof result.all === 'string' ? result.all : '';
    return { ...base, status: 'failed', seconds, detail: output.trimEnd().split('\n').slice(-25).join('\n') };
  }
  return { ...base, status: 'passed', seconds };
}
