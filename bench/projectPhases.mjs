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

/**
 * From nothing to green, as a user with uv does it: generate, make the venv, install the package
 * with its dev extra, then lint and test. The first three are required by the rest.
 * @param {string} parent an empty directory
 * @param {string} uv path of the uv binary
 * @returns {Phase[]}
 */
export function projectPhases(parent, uv) {
  const project = projectIn(parent);
  const { root } = project;
  return [
    { name: 'generate', file: process.execPath, args: [paths.bin, PROJECT_NAME, '--yes', '--no-git'], cwd: parent, timeoutMs: 60_000, required: true },
    // The system python3: uv must not try to download a managed Python.
    { name: 'uv venv', file: uv, args: ['venv', '--python', 'python3', '.venv'], cwd: root, timeoutMs: 120_000, required: true },
    { name: 'uv pip install --compile-bytecode -e ".[dev]"', file: uv, args: ['pip', 'install', '--python', project.python, '--compile-bytecode', '-e', '.[dev]'], cwd: root, timeoutMs: 900_000, required: true },
    { name: 'ruff check .', file: project.bin('ruff'), args: ['check', '.'], cwd: root, timeoutMs: 300_000 },
    { name: 'ruff format --check .', file: project.bin('ruff'), args: ['format', '--check', '.'], cwd: root, timeoutMs: 300_000 },
    { name: 'tests/run_tests.py --type all', file: project.python, args: ['tests/run_tests.py', '--type', 'all'], cwd: root, timeoutMs: 900_000 },
  ];
}

/** uv's settings for the bench: its own cache under .bench/ (warmed by a first run), no Python downloads. */
export function uvEnv() {
  return { UV_CACHE_DIR: path.join(paths.benchDir, 'uv-cache'), UV_PYTHON_DOWNLOADS: 'never', UV_NO_PROGRESS: '1' };
}
