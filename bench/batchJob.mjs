// The generated batch job, run as its users run it: shared by `npm run bench` (measureBatch.mjs)
// and `npm run bench:memory` (batchMemory.mjs).
import { spawnSync } from 'node:child_process';
import { benchEnv } from './benchEnv.mjs';

/** Run a command; throw with its output when it fails. */
export function run(/** @type {string} */ file, /** @type {string[]} */ args, /** @type {string} */ cwd, env = benchEnv()) {
  const result = spawnSync(file, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 2 ** 20, timeout: 1_800_000 });
  if (result.status !== 0) throw new Error(`${file} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  return `${result.stdout}${result.stderr}`;
}

// Writes ROWS rows made of the holdout rows repeated, each with a new id, in 10k-row chunks.
export const MAKE_INPUT = `
import sys
import pandas as pd
source, rows, target = sys.argv[1], int(sys.argv[2]), sys.argv[3]
base = pd.read_csv(source)
written = 0
while written < rows:
    chunk = base.head(min(len(base), rows - written)).copy()
    chunk["id"] = range(written + 1, written + 1 + len(chunk))
    chunk.to_csv(target, mode="a" if written else "w", header=not written, index=False)
    written += len(chunk)
`;

/** The job's command line: `python -m <pkg>.run predict` on `input`. */
export function predictArgs(/** @type {string} */ pkg, /** @type {string} */ input) {
  return ['-m', `${pkg}.run`, 'predict', '--input', input, '--output', `${input}.predictions.csv`, '--log-level', 'WARNING'];
}

/** Peak RSS (MiB) and wall time (s) of one predict run, from GNU time's %M and %e. */
export function measurePeak(/** @type {string} */ project, /** @type {string} */ pkg, /** @type {string} */ input) {
  const out = run('/usr/bin/time', ['-f', 'peak_kb=%M seconds=%e', '.venv/bin/python', ...predictArgs(pkg, input)], project);
  const match = /peak_kb=(\d+) seconds=([\d.]+)/.exec(out);
  if (!match) throw new Error(`no measurement in:\n${out}`);
  return { mib: Number(match[1]) / 1024, seconds: Number(match[2]) };
}
