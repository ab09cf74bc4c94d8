import path from 'node:path';
import type { Output } from '../ui/output.js';
import { verifyProject, type CheckResult } from '../verify/verifyProject.js';
import { existsSync } from 'node:fs';
import { ExitCode, UsageError } from '../errors.js';

/** Runs the project's own checks, prints one row per check with its time, and the tail of failures. */
export async function runVerify(out: Output, root: string, signal: AbortSignal): Promise<number> {
  if (!existsSync(path.join(root, 'pyproject.toml'))) {
    throw new UsageError(`verify: ${root} has no pyproject.toml: give the folder of a generated project`);
  }
  out.line(`Verifying ${root}`);
  const results = await verifyProject({
    root,
    signal,
    onResult: (r) => out.line(row(out, r)),
  });
  const failed = results.filter((r) => r.status === 'failed');
  out.line();
  for (const failure of failed) {
    out.error(`${failure.title} failed; the end of its output:`);
    out.line(failure.detail ?? '');
  }
  const count = (s: CheckResult['status']) => results.filter((r) => r.status === s).length;
  const summary = `verify: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`;
  if (failed.length > 0) {
    out.error(summary);
    return ExitCode.failure;
  }
  out.success(summary);
  return ExitCode.ok;
}

function row(out: Output, r: CheckResult): string {
  const mark = r.status === 'passed' ? out.color.green('pass') : r.status === 'failed' ? out.color.red('FAIL') : out.color.yellow('skip');
  const time = r.status === 'skipped' ? '' : `${r.seconds.toFixed(1)}s`;
  const note =
    r.status === 'skipped' && r.detail
      ? out.color.dim(`  (${r.detail})`)
      : r.attempts
        ? out.color.yellow(`  (${r.attempts} runs; the first failed with: ${r.firstError ?? 'a transient index error'})`)
        : '';
  return `  ${mark}  ${r.title.padEnd(36)} ${time.padStart(7)}${note}`;
}

export function verifyRoot(cwd: string, directory: string | undefined): string {
  return path.resolve(cwd, directory ?? '.');
}
