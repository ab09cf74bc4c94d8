// Number formatting shared by the console output and docs/benchmarks.md.

/** @param {number} ms */
export function formatMs(ms) {
  if (!Number.isFinite(ms)) return '-';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  return `${ms.toFixed(1)} ms`;
}

/** @param {number} ratio */
export function formatRatio(ratio) {
  if (!Number.isFinite(ratio)) return '-';
  return `${ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(2)}x`;
}

/** npm's units: 1 kB = 1000 bytes. @param {number} bytes */
export function formatBytes(bytes) {
  if (!Number.isFinite(bytes)) return '-';
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(2)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${bytes} B`;
}

/** @param {number} fraction 0.5 for 50% */
export function formatPercent(fraction) {
  if (!Number.isFinite(fraction)) return '-';
  return `${(fraction * 100).toFixed(0)}%`;
}
