import type { DepsFeature } from '../depsFeature.js';
import { venvStep } from '../envSteps.js';

/** Poetry: the poetry-core build backend, `poetry install` into .venv (poetry.toml). */
export const poetryFeature: DepsFeature = {
  id: 'poetry',
  lockFiles: ['poetry.lock'],
  // The .venv first, so poetry.toml's in-project environment is that one; poetry install writes a missing poetry.lock.
  installSteps: (python) => [
    venvStep(python),
    { id: 'install', title: 'poetry install --compile --extras "dev jobs"', args: ['poetry', 'install', '--no-interaction', '--compile', '--extras', 'dev jobs'], required: 'poetry' },
  ],
};
