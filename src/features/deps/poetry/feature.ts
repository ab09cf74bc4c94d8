import type { DepsFeature } from '../depsFeature.js';

/** Poetry: the poetry-core build backend, `poetry install` into .venv (poetry.toml). */
export const poetryFeature: DepsFeature = {
  id: 'poetry',
  lockFiles: ['poetry.lock'],
};
