/** @import { Phase, Project } from './types.js' */
import path from 'node:path';
import { paths } from './paths.mjs';

export const PROJECT_NAME = 'bench-project';

/**
 * The generated project in `parent`, with the paths of its venv.
 * @param {string} parent
 * @returns {Project}
 */
export function projectIn(parent) {
  const root = path.join(parent, PROJECT_NAME);
  const bin = (/** @type {string} */ name) => path.join(root, '.venv', 'bin', name);
  return { root, packageName: PROJECT_NAME.replace(/-/g, '_'), python: bin('python'), bin };
}

/** pytest's JUnit XML of the measured `make test`, next to the project (outside its tree). */
export const junitFile = (/** @type {string} */ parent) => path.join(parent, 'junit.xml');

/**
 * From nothing to green, as the printed next steps and a team's CI do it: generate, then the
 * project's own make targets (install from the lock, lint, format check, type check, tests). The
 * first two are required by the rest. `make test` also writes pytest's JUnit XML (junitFile), the
 * tests' own durations, which says where its time goes at no measurable cost.
 * @param {string} parent an empty directory
 * @returns {Phase[]}
 */
export function projectPhases(parent) {
  const { root } = projectIn(parent);
  const make = (/** @type {string} */ target, /** @type {number} */ timeoutMs, required = false) =>
    ({ name: `make ${target}`, file: 'make', args: [target], cwd: root, timeoutMs, required });
  return [
    { name: 'generate', file: process.execPath, args: [paths.bin, PROJECT_NAME, '--yes', '--no-git'], cwd: parent, timeoutMs: 60_000, required: true },
    make('install', 900_000, true),
    make('lint', 300_000),
    make('format-check', 300_000),
    make('typecheck', 600_000),
    { ...make('test', 900_000), env: { PYTEST_ADDOPTS: `--junitxml=${junitFile(parent)}` } },
  ];
}

/**
 * uv's settings for the bench: its own cache under .bench/ (warmed by a first run), no Python
 * downloads, and the bench's pinned uv first on PATH for the project's Makefile.
 * @param {string} uv path of the uv binary
 */
export function uvEnv(uv) {
  return {
    UV_CACHE_DIR: path.join(paths.benchDir, 'uv-cache'),
    UV_PYTHON_DOWNLOADS: 'never',
    UV_NO_PROGRESS: '1',
    PATH: `${path.dirname(uv)}${path.delimiter}${process.env.PATH ?? ''}`,
  };
}
