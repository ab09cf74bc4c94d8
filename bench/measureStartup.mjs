/** @import { Section } from './types.js' */
import { benchEnv } from './benchEnv.mjs';
import { formatRatio } from './format.mjs';
import { interleave } from './interleave.mjs';
import { paths } from './paths.mjs';
import { failureNotes, timingTable } from './timingTable.mjs';

const BASELINE = 'node -e 0';
const VERSION = 'create-ml-prod --version';
const TARGET = 1.3;

/**
 * Start-up: the bin loading the whole bundle to print its version, against a bare node start.
 * @param {{ runs: number | undefined }} options
 * @returns {Section}
 */
export function measureStartup({ runs }) {
  const result = interleave(
    [
      { name: BASELINE, prepare: () => ({ file: process.execPath, args: ['-e', '0'] }) },
      { name: VERSION, prepare: () => ({ file: process.execPath, args: [paths.bin, '--version'] }) },
    ],
    { runs: runs ?? 15, budgetMs: 60_000, env: benchEnv(), timeoutMs: 30_000 },
  );
  const ratio = (result.stats.get(VERSION)?.median ?? Number.NaN) / (result.stats.get(BASELINE)?.median ?? Number.NaN);
  return {
    id: 'startup',
    title: 'Start-up',
    tables: [timingTable(result, BASELINE)],
    targets: [{
      name: 'start-up: `--version` vs `node -e 0`',
      target: `<= ${TARGET}x`,
      measured: Number.isFinite(ratio) ? formatRatio(ratio) : 'failed',
      status: !Number.isFinite(ratio) ? 'fail' : ratio <= TARGET ? 'pass' : 'miss',
    }],
    notes: [`${result.rounds} interleaved rounds after one warm-up round; wall-clock time from spawn to exit.`, ...failureNotes(result)],
  };
}
