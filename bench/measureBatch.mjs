/** @import { Project, Section, Target } from './types.js' */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAKE_INPUT, measurePeak, predictArgs, run } from './batchJob.mjs';
import { benchEnv } from './benchEnv.mjs';
import { benchVenv } from './benchVenv.mjs';
import { formatMs, formatRatio } from './format.mjs';
import { freshDir } from './freshDir.mjs';
import { interleave } from './interleave.mjs';
import { median } from './median.mjs';
import { projectIn, projectPhases, uvEnv } from './projectPhases.mjs';
import { runPhases } from './runPhases.mjs';
import { failureNotes, lastLine, timingTable } from './timingTable.mjs';

// Issue #19: each batch figure against its limit, at most 1.5x.
const TARGET = 1.5;
const ROWS = 1_000_000;

// In one process, alternately: one model.predict over the frame already in memory (the limit),
// then the pandas engine's whole job on the same rows from CSV to CSV (predict() of the package).
const IN_PROCESS = `
import importlib, json, sys, time
from pathlib import Path
import pandas as pd
pkg, rounds, source, output = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
settings = importlib.import_module(pkg + ".config").load_settings(Path("configs/base.yaml"))
artifact = importlib.import_module(pkg + ".models.common.artifact").load_artifact("latest", settings.artifacts.models_dir)
predict = importlib.import_module(pkg + ".pipelines.predict").predict
features = pd.read_csv(source)[artifact.schema.feature_names]
artifact.predict(features.head(1000))
model, job = [], []
for _ in range(rounds):
    started = time.perf_counter(); artifact.predict(features); model.append(time.perf_counter() - started)
    started = time.perf_counter(); predict(settings, "latest", source, output); job.append(time.perf_counter() - started)
print(json.dumps({"model": model, "job": job}))
`;

/** Generates and installs a project with the project's own make install; trains its model. */
function batchProject(/** @type {string} */ parent, /** @type {string[]} */ flags, /** @type {Record<string, string>} */ env, /** @type {(line: string) => void} */ log) {
  const project = projectIn(parent);
  const phases = projectPhases(parent).slice(0, 2);
  phases[0] = { ...phases[0], args: [...phases[0].args, ...flags] };
  const failed = runPhases(phases, env, log).find((r) => r.status !== 'ok');
  if (failed) throw new Error(`${failed.name} failed: ${lastLine(failed.output)}`);
  train(project, env);
  return project;
}

function train(/** @type {Project} */ project, /** @type {Record<string, string>} */ env) {
  for (const command of ['process', 'train']) run(project.python, ['-m', `${project.packageName}.run`, command, '--log-level', 'WARNING'], project.root, env);
}

/**
 * Batch scoring against its limits: the pandas engine's job against one model.predict over the
 * same in-memory rows; the Dask engine's job against the pandas engine's; the job's peak memory
 * at 10x the input. Uses the green measure's project (pandas) when given.
 * @param {{ runs: number | undefined, project: Project | undefined, log: (line: string) => void }} options
 * @returns {Section}
 */
export function measureBatch({ runs, project, log }) {
  const env = benchEnv(uvEnv(benchVenv().bin('uv')));
  const dirs = [];
  const work = mkdtempSync(path.join(os.tmpdir(), 'cmp-bench-batch-'));
  try {
    let pandas = project;
    if (pandas) train(pandas, env);
    else {
      log('  generating and installing a project (pandas engine)');
      const own = freshDir('batch-pandas');
      dirs.push(own);
      pandas = batchProject(own.dir, [], env, log);
    }
    log('  generating and installing a project (--batch-engine dask)');
    const daskDir = freshDir('batch-dask');
    dirs.push(daskDir);
    const dask = batchProject(daskDir.dir, ['--strategies', 'batch', '--no-service', '--no-notebooks', '--no-docker', '--ci', 'none', '--no-precommit', '--batch-engine', 'dask'], env, log);

    const input = path.join(work, `rows_${ROWS}.csv`);
    const small = path.join(work, `rows_${ROWS / 10}.csv`);
    const holdout = path.join(pandas.root, 'data', 'processed', 'holdout.csv');
    run(pandas.python, ['-c', MAKE_INPUT, holdout, String(ROWS), input], pandas.root, env);
    run(pandas.python, ['-c', MAKE_INPUT, holdout, String(ROWS / 10), small], pandas.root, env);
    const count = runs ?? 3;

    log(`  pandas job vs model.predict, in one process, ${count} rounds`);
    const inProcess = JSON.parse(run(pandas.python, ['-c', IN_PROCESS, pandas.packageName, String(count), input, path.join(work, 'in-process.csv')], pandas.root, env).trim().split('\n').at(-1) ?? '{}');
    const modelMs = median(inProcess.model) * 1000;
    const jobMs = median(inProcess.job) * 1000;

    log(`  Dask job vs pandas job, whole processes, interleaved`);
    const pandasJob = 'pandas engine: python -m <pkg>.run predict';
    const daskJob = 'Dask engine: python -m <pkg>.run predict';
    const engines = interleave([
      { name: pandasJob, prepare: () => ({ file: pandas.python, args: predictArgs(pandas.packageName, input), cwd: pandas.root }) },
      { name: daskJob, prepare: () => ({ file: dask.python, args: predictArgs(dask.packageName, input), cwd: dask.root }) },
    ], { runs: count, minRuns: Math.min(count, 3), budgetMs: 240_000, env, timeoutMs: 900_000 });
    const daskRatio = (engines.stats.get(daskJob)?.median ?? Number.NaN) / (engines.stats.get(pandasJob)?.median ?? Number.NaN);

    log('  peak memory of the pandas job, 1x and 10x the input');
    const peakSmall = measurePeak(pandas.root, pandas.packageName, small);
    const peakLarge = measurePeak(pandas.root, pandas.packageName, input);
    const memoryRatio = peakLarge.mib / peakSmall.mib;

    const status = (/** @type {number} */ ratio) => (!Number.isFinite(ratio) ? 'fail' : ratio <= TARGET ? 'pass' : 'miss');
    /** @type {Target[]} */
    const targets = [
      { name: `batch: pandas job vs one model.predict, ${ROWS.toLocaleString('en-US')} rows`, target: `<= ${TARGET}x`, measured: `${formatRatio(jobMs / modelMs)} (${formatMs(jobMs)} vs ${formatMs(modelMs)})`, status: status(jobMs / modelMs) },
      { name: 'batch: Dask job vs pandas job (2 cores)', target: `<= ${TARGET}x`, measured: formatRatio(daskRatio), status: status(daskRatio) },
      { name: 'batch: peak memory, 10x input vs 1x', target: `<= ${TARGET}x`, measured: `${formatRatio(memoryRatio)} (${peakLarge.mib.toFixed(0)} vs ${peakSmall.mib.toFixed(0)} MiB)`, status: status(memoryRatio) },
    ];
    return {
      id: 'batch',
      title: 'Batch scoring against its limits',
      tables: [
        {
          headers: ['in one process', 'median', 'runs', 'x model.predict'],
          rows: [
            ['model.predict over the in-memory frame (the limit)', formatMs(modelMs), String(inProcess.model.length), '1.00x'],
            ['predict(): the pandas engine, CSV in, CSV out', formatMs(jobMs), String(inProcess.job.length), formatRatio(jobMs / modelMs)],
          ],
        },
        timingTable(engines, pandasJob),
        {
          headers: ['pandas job, peak RSS', 'rows', 'peak', 'wall'],
          rows: [
            ['1x', (ROWS / 10).toLocaleString('en-US'), `${peakSmall.mib.toFixed(0)} MiB`, `${peakSmall.seconds.toFixed(1)} s`],
            ['10x', ROWS.toLocaleString('en-US'), `${peakLarge.mib.toFixed(0)} MiB`, `${peakLarge.seconds.toFixed(1)} s`],
          ],
        },
      ],
      targets,
      notes: [
        `The default project (pandas engine, the default model) and a batch-only project with \`--batch-engine dask\`, both installed by \`make install\` and trained on the shipped sample data; the input is the holdout rows repeated to ${ROWS.toLocaleString('en-US')} rows (${path.basename(input)}).`,
        'The limit: one `model.predict` over the features already in memory. The job reads the CSV in chunks, validates each chunk, scores it (prediction and class probabilities) and writes the predictions CSV.',
        'Dask against pandas: whole `python -m <pkg>.run predict` processes, interleaved (Dask starts a local cluster of the configured workers and threads).',
        'Peak RSS of the job process from `/usr/bin/time -f %M`.',
        ...failureNotes(engines),
      ],
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { id: 'batch', title: 'Batch scoring against its limits', tables: [], targets: [{ name: 'batch scoring', target: `<= ${TARGET}x`, measured: `failed: ${message.split('\n')[0]}`, status: 'fail' }], notes: [message.split('\n').slice(0, 8).join(' ')] };
  } finally {
    for (const dir of dirs) dir.remove();
    rmSync(work, { recursive: true, force: true });
  }
}
