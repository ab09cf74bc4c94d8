/** @import { Table } from './types.js' */
import { formatMs, formatRatio } from './format.mjs';

/**
 * The table of an interleaved comparison: median, range and ratio to the baseline, per command.
 * @param {ReturnType<typeof import('./interleave.mjs').interleave>} result
 * @param {string} baseline the contender the ratios are taken against
 * @returns {Table}
 */
export function timingTable(result, baseline) {
  const base = result.stats.get(baseline)?.median ?? Number.NaN;
  const rows = [...result.stats].map(([name, s]) => [
    name,
    formatMs(s.median),
    `${formatMs(s.min)} – ${formatMs(s.max)}`,
    String(s.n),
    formatRatio(s.median / base),
  ]);
  for (const [name] of result.failures) rows.push([name, 'failed (see below)', '-', '0', '-']);
  return { headers: ['command', 'median', 'min – max', 'runs', `x ${baseline}`], rows };
}

/** The last non-empty line of a failure's output: usually the error itself. */
export function lastLine(/** @type {string} */ output) {
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  const line = lines.at(-1) ?? 'no output';
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

/**
 * One note per failed command of an interleaved comparison: the last line of its output.
 * @param {ReturnType<typeof import('./interleave.mjs').interleave>} result
 * @returns {string[]}
 */
export function failureNotes(result) {
  return [...result.failures].map(([name, output]) => `\`${name}\` failed: ${lastLine(output)}`);
}
