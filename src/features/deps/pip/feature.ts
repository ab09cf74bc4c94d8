import type { DepsFeature } from '../depsFeature.js';

/** pip + venv: hashed pins compiled from requirements/*.in with uv. */
export const pipFeature: DepsFeature = {
  id: 'pip',
  lockFiles: ['requirements/default.txt', 'requirements/dev.txt'],
};
