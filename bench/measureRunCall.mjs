/** @import { Project, Section } from './types.js' */
import { benchEnv } from './benchEnv.mjs';
import { benchVenv } from './benchVenv.mjs';
import { formatMs, formatRatio } from './format.mjs';
import { freshDir } from './freshDir.mjs';
import { interleave } from './interleave.mjs';
import { projectIn, projectPhases, uvEnv } from './projectPhases.mjs';
import { runPhases } from './runPhases.mjs';
import { failureNotes, lastLine, timingTable } from './timingTable.mjs';
import { timeCommand } from './timeCommand.mjs';

const BASELINE = '.venv/bin/python -c 0';
const RUN = 'uv run python -c 0';
const BEFORE = 'uv run --compile-bytecode python -c 0';
/** What `$(RUN)` may add to a make target, per call. */
const TARGET_MS = 50;

/**
 * The per-call cost of a make target: every target runs its tool through `$(RUN)` (`uv run` in
 * the default project), so what `uv run` adds to a bare start of the venv's Python is paid once
 * per command. The third contender is how it was before: `[tool.uv] compile-bytecode` made every
 * `uv run` re-check the bytecode of the whole environment.
 * Uses the green measure's project when given, else generates and installs one.
 * @param {{ runs: number | undefined, project: Project | undefined, log: (line: string) => void }} options
 * @returns {Section}
 */
export function measureRunCall({ runs, project, log }) {
  const uv = benchVenv().bin('uv');
  const env = benchEnv(uvEnv(uv));
  let own;
  if (!project) {
    log('  generating and installing a project (uv)');
    own = freshDir('runcall');
    const setup = runPhases(projectPhases(own.dir).slice(0, 2), env, log);
    const failed = setup.find((r) => r.status !== 'ok');
    if (failed) {
      own.remove();
      return failedSection(`${failed.name} failed: ${lastLine(failed.output)}`);
    }
    project = projectIn(own.dir);
  }
  try {
    return perCall(project, uv, env, runs ?? 10);
  } finally {
    own?.remove();
  }
}

const SECTION = { id: 'runcall', title: 'Per-call cost of a make target (`$(RUN)` = `uv run`)' };
const NAME = 'make target: `uv run` per call vs `.venv/bin/python -c 0`';

/** @param {string} why */
function failedSection(why) {
  return { ...SECTION, tables: [], targets: [{ name: NAME, target: `<= +${TARGET_MS} ms`, measured: `failed: ${why}`, status: /** @type {const} */ ('fail') }], notes: [why] };
}

/**
 * @param {Project} project
 * @param {string} uv
 * @param {Record<string, string>} env
 * @param {number} runs
 * @returns {Section}
 */
function perCall(project, uv, env, runs) {
  // As `make install` leaves the project: uv.lock and the environment synced and compiled.
  const sync = timeCommand(uv, ['sync', '--extra', 'dev', '--extra', 'jobs', '--compile-bytecode'], { cwd: project.root, env, timeoutMs: 900_000 });
  if (!sync.ok) return failedSection(`uv sync failed: ${lastLine(sync.output)}`);
  const result = interleave(
    [
      { name: BASELINE, prepare: () => ({ file: project.python, args: ['-c', '0'], cwd: project.root }) },
      { name: RUN, prepare: () => ({ file: uv, args: ['run', 'python', '-c', '0'], cwd: project.root }) },
      { name: BEFORE, prepare: () => ({ file: uv, args: ['run', '--compile-bytecode', 'python', '-c', '0'], cwd: project.root }) },
    ],
    { runs, budgetMs: 60_000, env, timeoutMs: 120_000 },
  );
  const base = result.stats.get(BASELINE)?.median ?? Number.NaN;
  const run = result.stats.get(RUN)?.median ?? Number.NaN;
  const before = result.stats.get(BEFORE)?.median ?? Number.NaN;
  const added = run - base;
  return {
    ...SECTION,
    tables: [timingTable(result, BASELINE)],
    targets: [{
      name: NAME,
      target: `<= +${TARGET_MS} ms`,
      measured: Number.isFinite(added) ? `+${formatMs(added)} (${formatRatio(run / base)}; was +${formatMs(before - base)}, ${formatRatio(before / base)})` : 'failed',
      status: !Number.isFinite(added) ? 'fail' : added <= TARGET_MS ? 'pass' : 'miss',
    }],
    notes: [
      `${result.rounds} interleaved rounds after one warm-up round, in the project of the green measure (or one of its own) after \`uv sync --extra dev --extra jobs --compile-bytecode\` (what \`make install\` runs); wall-clock time from spawn to exit.`,
      `\`${BEFORE}\` is each call as it was while the project set \`[tool.uv] compile-bytecode = true\`: uv re-checked the bytecode of every file of the environment on each call.`,
      ...failureNotes(result),
    ],
  };
}
