import type { Answers } from '../options/schema.js';
import { depsFeatures } from '../features/deps/depsFeatures.js';
import type { EnvStep } from '../features/deps/envSteps.js';

export type { EnvStep } from '../features/deps/envSteps.js';

/** The lock of each dependency manager (conda: its pip part), the project's file to commit. */
export function lockFiles(depsManager: Answers['depsManager']): string[] {
  return [...depsFeatures[depsManager].lockFiles];
}

/** How the project's own dependency manager creates `.venv` and installs the project (its module's `installSteps`). */
export function environmentSteps(answers: Pick<Answers, 'depsManager' | 'pythonVersion' | 'projectName'>, python: string): EnvStep[] {
  return depsFeatures[answers.depsManager].installSteps(python, answers);
}
