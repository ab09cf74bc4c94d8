/** @import { Contender, Section, Target } from './types.js' */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { benchEnv } from './benchEnv.mjs';
import { benchVenv } from './benchVenv.mjs';
import { countTree } from './countTree.mjs';
import { formatBytes, formatMs, formatRatio } from './format.mjs';
import { freshDir } from './freshDir.mjs';
import { interleave } from './interleave.mjs';
import { paths } from './paths.mjs';
import { timeCommand } from './timeCommand.mjs';
import { failureNotes, lastLine, timingTable } from './timingTable.mjs';

const NAME = 'bench-project';
const BASELINE = 'node -e 0';
const OURS = `create-ml-prod ${NAME} --yes --no-git`;
const COPY = 'cp -r (same tree)';
const HELP = 'create-ml-prod --help';
const CCDS_FLOOR = 'ccds --version';
const CCDS = 'ccds --no-input';

/**
 * Generation of the default project, each run into a fresh directory, side by side with: a bare
 * node start (the floor of any node CLI), copying the very same tree (the floor of writing those
 * files), and cookiecutter-data-science generating its own default project. `ccds --version` is
 * measured too: Python start-up plus cookiecutter's imports, a floor no ccds run can go below.
 * @param {{ runs: number | undefined, ccdsTemplate: string | undefined }} options
 * @returns {Section}
 */
export function measureGenerate({ runs, ccdsTemplate: given }) {
  const env = benchEnv({ GIT_TERMINAL_PROMPT: '0' });
  const venv = benchVenv();
  // Without --ccds-template, use a template shipped inside the installed package if there is one
  // (offline); 2.3.0 ships none, and the note below says what its package holds instead.
  const shipped = shippedCcdsTemplate(venv.python);
  const ccdsTemplate = given ?? shipped.template;
  // cookiecutter clones and records replays under $HOME by default; keep all of it in .bench/.
  const ccdsConfig = path.join(paths.benchDir, 'cookiecutter-config.yaml');
  mkdirSync(paths.benchDir, { recursive: true });
  writeFileSync(ccdsConfig, `cookiecutters_dir: "${path.join(paths.benchDir, 'cookiecutters')}/"\nreplay_dir: "${path.join(paths.benchDir, 'cookiecutter-replay')}/"\n`);
  const ccdsArgs = (/** @type {string} */ out) => [...(ccdsTemplate ? [ccdsTemplate] : []), '--no-input', '--config-file', ccdsConfig, '-o', out];

  // The tree cp -r copies: what the generator writes, made once.
  const reference = freshDir('reference');
  const made = timeCommand(process.execPath, [paths.bin, NAME, '--yes', '--no-git'], { cwd: reference.dir, env });
  if (!made.ok) throw new Error(`create-ml-prod could not generate the default project:\n${made.output}`);
  const tree = countTree(path.join(reference.dir, NAME));

  /** @type {(name: string, command: (dir: string) => { file: string, args: readonly string[] }) => Contender} */
  const inFreshDir = (name, command) => ({
    name,
    prepare: () => {
      const { dir, remove } = freshDir('gen');
      return { ...command(dir), cwd: dir, cleanup: remove };
    },
  });
  /** @type {Contender[]} */
  const contenders = [
    { name: BASELINE, prepare: () => ({ file: process.execPath, args: ['-e', '0'] }) },
    inFreshDir(OURS, () => ({ file: process.execPath, args: [paths.bin, NAME, '--yes', '--no-git'] })),
    // Node's start plus loading the command line: everything of a run but its plan and its files.
    { name: HELP, prepare: () => ({ file: process.execPath, args: [paths.bin, '--help'] }) },
    inFreshDir(COPY, (dir) => ({ file: 'cp', args: ['-r', path.join(reference.dir, NAME), path.join(dir, NAME)] })),
    { name: CCDS_FLOOR, prepare: () => ({ file: venv.bin('ccds'), args: ['--version'] }) },
    inFreshDir(CCDS, (dir) => ({ file: venv.bin('ccds'), args: ccdsArgs(dir) })),
  ];
  let result;
  try {
    result = interleave(contenders, { runs: runs ?? 10, budgetMs: 180_000, env, timeoutMs: 180_000 });
  } finally {
    reference.remove();
  }

  const ms = (/** @type {string} */ name) => result.stats.get(name)?.median ?? Number.NaN;
  const ours = ms(OURS);
  const vsNode = ours / ms(BASELINE);
  /** @type {string[]} */
  const notes = [
    `${result.rounds} interleaved rounds after one warm-up round; every generation and copy goes into a new empty directory, removed outside the timing.`,
    `The default project is ${tree.files} files, ${formatBytes(tree.bytes)}.`,
    `create-ml-prod takes ${formatRatio(ours / ms(COPY))} the time of \`cp -r\` of its own output, and ${formatRatio(ours / ms(CCDS_FLOOR))} the time of \`ccds --version\`.`,
    ...failureNotes(result).filter((note) => !note.startsWith(`\`${CCDS}\``)),
  ];

  let ccdsTree;
  if (result.stats.has(CCDS)) {
    const probe = freshDir('ccds-count');
    try {
      if (timeCommand(venv.bin('ccds'), ccdsArgs(probe.dir), { env, timeoutMs: 180_000 }).ok) ccdsTree = countTree(probe.dir);
    } finally {
      probe.remove();
    }
    if (ccdsTree) notes.push(`cookiecutter-data-science's default project is ${ccdsTree.files} files, ${formatBytes(ccdsTree.bytes)}.`);
    if (!ccdsTemplate) notes.push('ccds used its default template, which `--no-input` clones from GitHub on every run: its times include that clone.');
  } else {
    notes.push(
      `ccds could not generate its default project here (\`${lastLine(result.failures.get(CCDS) ?? '')}\`). ` +
        `Its installed package (${shipped.describe}) has no \`cookiecutter.json\` and no \`{{ cookiecutter.repo_name }}\` tree, so it cannot be its own template offline ` +
        '(`ccds <site-packages>/ccds --no-input` answers "A valid repository ... could not be found"; the sdist on PyPI holds the same 10 files); ' +
        'without a template argument ccds runs `git clone https://github.com/drivendataorg/cookiecutter-data-science` on every run, and this machine cannot reach GitHub. ' +
        'Rerun with `--ccds-template <local clone>` where a copy is at hand.',
    );
  }

  /** @type {Target} */
  const speedTarget = (() => {
    const name = 'generate: ccds vs ours (same run)';
    if (result.stats.has(CCDS)) {
      const r = ms(CCDS) / ours;
      return { name, target: '>= 10x faster', measured: `${formatRatio(r)} faster`, status: r >= 10 ? 'pass' : 'miss' };
    }
    // Without the template, ccds's start-up alone still bounds it from below.
    const floor = ms(CCDS_FLOOR) / ours;
    if (floor >= 10) return { name, target: '>= 10x faster', measured: `>= ${formatRatio(floor)} (ccds start-up alone)`, status: 'pass' };
    return {
      name,
      target: '>= 10x faster',
      measured: `not measured (no ccds template); it would need ccds >= ${formatMs(10 * ours)}, and its start-up alone is ${formatMs(ms(CCDS_FLOOR))} against our ${formatMs(ours)}`,
      status: 'n/a',
    };
  })();

  return {
    id: 'generate',
    title: 'Generation of the default project',
    tables: [timingTable(result, BASELINE)],
    targets: [
      {
        name: 'generate: ours vs `node -e 0`',
        target: '<= 2x',
        measured: Number.isFinite(vsNode) ? `${formatRatio(vsNode)} (${formatMs(ours)})` : 'failed',
        status: !Number.isFinite(vsNode) ? 'fail' : vsNode <= 2 ? 'pass' : 'miss',
        ...(vsNode > 2 ? { why: whyGenerateMisses(ms(BASELINE), ms(HELP), ms(COPY), ours, tree.files) } : {}),
      },
      speedTarget,
    ],
    notes,
  };
}

/**
 * By how much generation misses 2x `node -e 0`, split by the contenders of the same run.
 * @param {number} node `node -e 0`
 * @param {number} help `--help`: node plus loading the command line
 * @param {number} copy `cp -r` of the generated tree: writing those files, without node
 * @param {number} ours a whole generation
 * @param {number} files files in the generated tree
 */
function whyGenerateMisses(node, help, copy, ours, files) {
  const goal = 2 * node;
  const floor = node + copy;
  return (
    `${formatMs(ours - goal)} over the goal of ${formatMs(goal)} (${formatRatio(ours / goal)} the goal). ` +
    `Node's start takes ${formatMs(node)} and \`cp -r\` of the same ${files} files ${formatMs(copy)}: writing that tree from a node process cannot go below ${formatRatio(floor / node)}. ` +
    `Loading the command line (\`--help\`) adds ${formatMs(help - node)}; planning, reading the templates, rendering and writing take the other ${formatMs(ours - help)}.`
  );
}

/**
 * Where the installed cookiecutter-data-science package lives, and its template if it ships one.
 * @param {string} python
 * @returns {{ template: string | undefined, describe: string }}
 */
function shippedCcdsTemplate(python) {
  const probe = spawnSync(python, ['-c', 'import ccds, os; print(os.path.dirname(ccds.__file__))'], { encoding: 'utf8' });
  const dir = probe.status === 0 ? probe.stdout.trim() : '';
  if (!dir) return { template: undefined, describe: 'not importable' };
  for (const candidate of [dir, path.dirname(dir)]) {
    if (existsSync(path.join(candidate, 'cookiecutter.json'))) return { template: candidate, describe: candidate };
  }
  return { template: undefined, describe: 'the `ccds` module: `__main__.py`, `monkey_patch.py`, `hook_utils/`' };
}
