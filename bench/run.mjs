// npm run bench: the entry point. Runs the chosen measures in order, prints each as it finishes,
// then the summary, and rewrites docs/benchmarks.md with this run's figures.
/** @import { Project, Section } from './types.js' */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchVenv } from './benchVenv.mjs';
import { describeMachine } from './describeMachine.mjs';
import { formatTable } from './formatTable.mjs';
import { measureBatch } from './measureBatch.mjs';
import { measureCiRun } from './measureCiRun.mjs';
import { measureFootprint } from './measureFootprint.mjs';
import { measureGenerate } from './measureGenerate.mjs';
import { measureGreen } from './measureGreen.mjs';
import { measureRunCall } from './measureRunCall.mjs';
import { measureService } from './measureService.mjs';
import { measureStartup } from './measureStartup.mjs';
import { parseOptions, USAGE } from './parseOptions.mjs';
import { paths } from './paths.mjs';
import { missedGoals, renderReport, summaryTable } from './renderReport.mjs';

const log = (/** @type {string} */ line) => process.stdout.write(`${line}\n`);
const argv = process.argv.slice(2);

let options;
try {
  const parsed = parseOptions(argv);
  if (parsed === 'help') {
    log(USAGE);
    process.exit(0);
  }
  options = parsed;
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
  process.exit(2);
}
const { only, runs } = options;
const started = Date.now();

// The Python peers' versions belong to the machine description; set the venv up first if needed.
/** @type {{ uv?: string, ccds?: string }} */
const tools = {};
if (['generate', 'green', 'runcall', 'service', 'batch'].some((m) => only.has(m))) {
  const venv = benchVenv();
  tools.uv = spawnSync(venv.bin('uv'), ['--version'], { encoding: 'utf8' }).stdout.trim().replace(/^uv /, '');
  tools.ccds = spawnSync(venv.python, ['-c', 'import importlib.metadata as m; print(m.version("cookiecutter-data-science"))'], { encoding: 'utf8' }).stdout.trim();
}
const machine = describeMachine(tools);
log('Machine');
log(formatTable({ headers: ['', ''], rows: machine }, 'text'));

/** @type {Section[]} */
const sections = [];
/** @type {{ project: Project | undefined, remove: () => void }} */
let green = { project: undefined, remove: () => {} };

/** @type {[string, () => Section | Promise<Section>][]} */
const measures = [
  ['startup', () => measureStartup({ runs })],
  ['generate', () => measureGenerate({ runs, ccdsTemplate: options.ccdsTemplate })],
  ['footprint', () => measureFootprint()],
  ['green', () => {
    const result = measureGreen({ runs, keepProject: only.has('service') || only.has('runcall') || only.has('batch'), log });
    green = result;
    return result.section;
  }],
  ['runcall', () => measureRunCall({ runs, project: green.project, log })],
  ['service', () => measureService({ runs, project: green.project, log })],
  ['batch', () => measureBatch({ runs, project: green.project, log })],
  ['ci', () => measureCiRun()],
];
try {
  for (const [id, measure] of measures) {
    if (!only.has(id)) continue;
    log(`\n== ${id}`);
    /** @type {Section} */
    let section;
    try {
      section = await measure();
    } catch (error) {
      // One broken measure must not cost the others' figures.
      const message = error instanceof Error ? error.message : String(error);
      section = { id, title: id, tables: [], targets: [{ name: id, target: '-', measured: `error: ${message.split('\n')[0]}`, status: 'fail' }], notes: [`Error: ${message.split('\n').slice(0, 5).join(' ')}`] };
    }
    sections.push(section);
    for (const table of section.tables) log(formatTable(table, 'text'));
    for (const note of section.notes) log(`  ${note}`);
  }
} finally {
  green.remove();
}

machine.push(['load average at end (1, 5, 15 min)', os.loadavg().map((l) => l.toFixed(2)).join(', ')]);
log('\nSummary');
log(summaryTable(sections, 'text'));
const missed = missedGoals(sections);
if (missed.length > 0) log(['', ...missed].join('\n').replace(/\*\*/g, ''));
if (options.write) {
  const report = renderReport({ date: new Date(), tookMs: Date.now() - started, machine, sections, only, argv });
  mkdirSync(path.dirname(paths.report), { recursive: true });
  writeFileSync(paths.report, report + memorySections());
  log(`\nWrote ${path.relative(process.cwd(), paths.report) || paths.report}`);
}

/** The sections `npm run bench:memory` wrote (between its markers): kept when this run rewrites the report. */
function memorySections() {
  if (!existsSync(paths.report)) return '';
  const blocks = readFileSync(paths.report, 'utf8').match(/<!-- bench:memory:(\w+) -->[\s\S]*?<!-- \/bench:memory:\1 -->\n/g);
  return blocks ? `\n${blocks.join('\n')}` : '';
}
