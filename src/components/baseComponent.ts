import { normaliseDistributionName } from '../options/names.js';
import type { Component } from './component.js';

/** The model configs and jobs start with: the strongest family chosen, the baseline last. */
function defaultModel(families: readonly string[], task: string): string {
  if (families.includes('ensemble')) return 'random_forest';
  if (families.includes('boosting')) return 'gradient_boosting';
  if (families.includes('regression')) {
    return task === 'regression' ? 'linear_regression' : 'logistic_regression';
  }
  return 'naive';
}

/** The layer every project gets, and the names derived from the answers. */
export const baseComponent: Component = {
  id: 'base',
  contribute: (answers) => ({
    overlays: ['base'],
    data: {
      distName: normaliseDistributionName(answers.projectName),
      imageName: normaliseDistributionName(answers.projectName),
      envPrefix: answers.packageName.toUpperCase(),
      defaultModel: defaultModel(answers.modelFamilies, answers.task),
    },
  }),
};
