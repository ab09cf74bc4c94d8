import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { paths } from './paths.mjs';

// Pinned, so that figures from one run to the next compare the same peers.
const REQUIREMENTS = ['cookiecutter-data-science==2.3.0', 'uv==0.13.9'];

/**
 * The bench's own Python tools, in a venv under .bench/ (git-ignored): created with python3 and
 * filled from PyPI on first use, and again only when the pins above change.
 * @returns {{ python: string, bin: (name: string) => string }}
 */
export function benchVenv() {
  const root = path.join(paths.benchDir, 'venv');
  const bin = (/** @type {string} */ name) => path.join(root, 'bin', name);
  const marker = path.join(root, 'bench-requirements.txt');
  const wanted = `${REQUIREMENTS.join('\n')}\n`;
  if (existsSync(marker) && readFileSync(marker, 'utf8') === wanted) return { python: bin('python'), bin };

  process.stdout.write(`  setting up ${path.relative(paths.repoRoot, root)} (${REQUIREMENTS.join(', ')}) from PyPI\n`);
  const run = (/** @type {string} */ file, /** @type {string[]} */ args) => {
    const result = spawnSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 });
    if (result.status !== 0) throw new Error(`${file} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}${result.error?.message ?? ''}`);
  };
  if (!existsSync(bin('python'))) run('python3', ['-m', 'venv', root]);
  run(bin('python'), ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', ...REQUIREMENTS]);
  writeFileSync(marker, wanted);
  return { python: bin('python'), bin };
}
