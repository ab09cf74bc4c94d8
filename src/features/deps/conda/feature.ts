import type { DepsFeature } from '../depsFeature.js';

/** conda: environment.yml, its pip part the hashed pins of requirements/*.txt. */
export const condaFeature: DepsFeature = {
  id: 'conda',
  lockFiles: ['requirements/default.txt', 'requirements/dev.txt'],
};
