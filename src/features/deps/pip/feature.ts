import type { DepsFeature } from '../depsFeature.js';
import { hashedSteps, venvStep } from '../envSteps.js';

/** pip + venv: hashed pins compiled from requirements/*.in with uv. */
export const pipFeature: DepsFeature = {
  id: 'pip',
  lockFiles: ['requirements/default.txt', 'requirements/jobs.txt', 'requirements/dev.txt'],
  installSteps: (python, answers) => [venvStep(python), ...hashedSteps(answers)],
};
