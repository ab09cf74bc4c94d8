// npm run bench:memory: peak memory of the generated batch job as its input grows 10x.
// The inference job reads in chunks (pandas) or partitions (Dask, Spark), so its peak RSS
// should stay flat: the target is a ratio of at most 1.5 between the 10x and the 1x input.
//
//   npm run bench:memory -- [--engine pandas|dask|spark] [--rows N] [--project DIR]
//
// Without --project it generates a batch-only project (install included) in a temp dir.
// The figures are printed and written into the engine's "Batch job memory" section of
// docs/benchmarks.md (only that section is replaced).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MAKE_INPUT, measurePeak, run } from './batchJob.mjs';
import { freshDir } from './freshDir.mjs';
import { paths } from './paths.mjs';

const TARGET = 1.5;

function parseArgs(/** @type {string[]} */ argv) {
  const options = { engine: 'pandas', rows: 20_000, project: '' };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--engine' && value && ['pandas', 'dask', 'spark'].includes(value)) options.engine = value;
    else if (flag === '--rows' && value && Number(value) > 0) options.rows = Number(value);
    else if (flag === '--project' && value) options.project = path.resolve(value);
    else throw new Error(`unknown or invalid option ${flag} (see bench/batchMemory.mjs)`);
    i += 1;
  }
  return options;
}

/** Replace (or append) this engine's section only: each engine keeps its latest figures. */
function writeSection(/** @type {string} */ engine, /** @type {string} */ section) {
  const BEGIN = `<!-- bench:memory:${engine} -->`;
  const END = `<!-- /bench:memory:${engine} -->`;
  const report = existsSync(paths.report) ? readFileSync(paths.report, 'utf8') : '# Benchmarks\n';
  const block = `${BEGIN}\n${section}${END}\n`;
  const start = report.indexOf(BEGIN);
  const end = report.indexOf(END);
  const next = start >= 0 && end > start
    ? `${report.slice(0, start)}${block}${report.slice(end + END.length + 1)}`
    : `${report.trimEnd()}\n\n${block}`;
  writeFileSync(paths.report, next);
}

const options = parseArgs(process.argv.slice(2));
const log = (/** @type {string} */ line) => process.stdout.write(`${line}\n`);
let project = options.project;
let remove = () => {};
if (!project) {
  const fresh = freshDir('memory');
  remove = fresh.remove;
  project = path.join(fresh.dir, 'memory-bench');
  log(`generating a batch project (--batch-engine ${options.engine}) in ${project}`);
  run(process.execPath, [paths.bin, project, '--yes', '--no-git', '--no-color', '--strategies', 'batch', '--no-service',
    '--no-notebooks', '--no-docker', '--ci', 'none', '--no-precommit', '--batch-engine', options.engine, '--install'], fresh.dir);
}
try {
  const answers = JSON.parse(readFileSync(path.join(project, '.create-ml-prod.json'), 'utf8')).answers;
  const pkg = answers.packageName;
  log('training on the sample data');
  run('.venv/bin/python', ['-m', `${pkg}.run`, 'process', '--log-level', 'WARNING'], project);
  run('.venv/bin/python', ['-m', `${pkg}.run`, 'train', '--log-level', 'WARNING'], project);
  const sizes = [options.rows, options.rows * 10];
  const results = sizes.map((rows) => {
    const input = path.join(project, 'data', `bench_${rows}.csv`);
    run('.venv/bin/python', ['-c', MAKE_INPUT, 'data/processed/holdout.csv', String(rows), input], project);
    const measured = measurePeak(project, pkg, input);
    log(`  ${rows} rows: peak RSS ${measured.mib.toFixed(0)} MiB in ${measured.seconds.toFixed(1)} s`);
    return { rows, ...measured };
  });
  const ratio = results[1].mib / results[0].mib;
  const verdict = ratio <= TARGET ? 'within' : 'ABOVE';
  log(`peak RSS ratio 10x/1x: ${ratio.toFixed(2)} (${verdict} the ${TARGET}x target)`);
  const engine = answers.batchEngine;
  writeSection(engine, [
    `## Batch job memory (\`npm run bench:memory -- --engine ${engine}\`)`,
    '',
    `The inference job (\`${'python -m <pkg>.run predict'}\`, batch engine \`${engine}\`, default chunk size) on`,
    'the sample model, for an input and the same input grown 10x; peak RSS of the job process from',
    '`/usr/bin/time -f %M` (for Spark, the JVM is a separate process: its heap is bounded by',
    '`engine.driver_memory`). Target: the 10x run peaks at most 1.5x the 1x run.',
    '',
    '| input rows | peak RSS | wall time |',
    '| ---: | ---: | ---: |',
    ...results.map((r) => `| ${r.rows.toLocaleString('en-US')} | ${r.mib.toFixed(0)} MiB | ${r.seconds.toFixed(1)} s |`),
    '',
    `Ratio 10x / 1x: **${ratio.toFixed(2)}** (${verdict} the ${TARGET}x target).`,
    '',
  ].join('\n'));
  log(`wrote the "Batch job memory" section of ${path.relative(paths.repoRoot, paths.report)}`);
  if (ratio > TARGET) process.exitCode = 1;
} finally {
  remove();
}
