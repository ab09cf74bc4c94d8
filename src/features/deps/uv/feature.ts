import type { DepsFeature } from '../depsFeature.js';

/** uv: `uv sync` from uv.lock, commands through `uv run`. */
export const uvFeature: DepsFeature = {
  id: 'uv',
  lockFiles: ['uv.lock'],
  // uv sync writes a missing uv.lock itself.
  installSteps: (python) => [
    { id: 'venv', title: 'uv venv', args: ['uv', 'venv', '--quiet', '--python', python, '.venv'], required: 'uv' },
    { id: 'install', title: 'uv sync --extra dev --extra jobs --compile-bytecode', args: ['uv', 'sync', '--quiet', '--extra', 'dev', '--extra', 'jobs', '--compile-bytecode'], required: 'uv' },
  ],
};
