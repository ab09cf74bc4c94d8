/** @import { Section } from './types.js' */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { benchEnv } from './benchEnv.mjs';
import { formatBytes } from './format.mjs';
import { paths } from './paths.mjs';

// Issue 19 asked for 400 kB or an argued bound: the README argues 540 kB (test/e2e/package.test.ts
// enforces it). npm's kB: 1000 bytes.
const TARBALL_LIMIT = 540_000;

/**
 * The install footprint: what `npm pack` would publish (scripts skipped: the bench has just built
 * dist/), and how many packages an install pulls in at run time.
 * @returns {Section}
 */
export function measureFootprint() {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: paths.repoRoot, env: benchEnv(), encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`npm pack --dry-run failed:\n${result.stdout}${result.stderr}`);
  /** @type {{ size: number, unpackedSize: number, entryCount: number, files: { path: string, size: number }[] }} */
  const pack = JSON.parse(result.stdout)[0];
  /** @type {Record<string, Record<string, string> | undefined>} */
  const pkg = JSON.parse(readFileSync(paths.packageJson, 'utf8'));
  const runtime = ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies', 'bundledDependencies']
    .flatMap((field) => Object.keys(pkg[field] ?? {}).map((name) => `${name} (${field})`));
  const largest = [...pack.files].sort((a, b) => b.size - a.size).slice(0, 3);

  return {
    id: 'footprint',
    title: 'Install footprint',
    tables: [
      {
        headers: ['measure', 'value'],
        rows: [
          ['tarball (npm pack)', formatBytes(pack.size)],
          ['unpacked', formatBytes(pack.unpackedSize)],
          ['files', String(pack.entryCount)],
          ['runtime dependencies', runtime.length === 0 ? '0' : `${runtime.length}: ${runtime.join(', ')}`],
          ['largest files', largest.map((f) => `${f.path} ${formatBytes(f.size)}`).join(', ')],
        ],
      },
    ],
    targets: [
      { name: 'footprint: runtime dependencies', target: '0', measured: String(runtime.length), status: runtime.length === 0 ? 'pass' : 'miss' },
      { name: 'footprint: npm tarball', target: '< 540 kB (argued in the README; issue 8: 400 kB)', measured: formatBytes(pack.size), status: pack.size < TARBALL_LIMIT ? 'pass' : 'miss' },
    ],
    notes: ['`npm pack --dry-run --json --ignore-scripts` on the freshly built package; 1 kB = 1000 bytes, as npm counts.'],
  };
}
