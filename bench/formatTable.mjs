/** @import { Table } from './types.js' */

/**
 * A table as aligned plain text (console) or as a Markdown table (docs/benchmarks.md).
 * @param {Table} table
 * @param {'text' | 'markdown'} style
 * @returns {string}
 */
export function formatTable(table, style) {
  const rows = [table.headers, ...table.rows];
  if (style === 'markdown') {
    const escape = (/** @type {string} */ cell) => cell.replace(/\|/g, '\\|').replace(/\n/g, ' ');
    const line = (/** @type {readonly string[]} */ cells) => `| ${cells.map(escape).join(' | ')} |`;
    return [line(table.headers), line(table.headers.map(() => '---')), ...table.rows.map(line)].join('\n');
  }
  const widths = table.headers.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (/** @type {readonly string[]} */ cells) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(table.headers), widths.map((w) => '-'.repeat(w)).join('  '), ...table.rows.map(line)].join('\n');
}
