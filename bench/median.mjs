/**
 * The median of a list of numbers: the middle value, or the mean of the two middle values.
 * Medians, not means, so that one slow run (a page-cache miss, a GC pause) does not move the figure.
 * @param {readonly number[]} values
 * @returns {number} NaN for an empty list
 */
export function median(values) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? /** @type {number} */ (sorted[mid]) : (/** @type {number} */ (sorted[mid - 1]) + /** @type {number} */ (sorted[mid])) / 2;
}
