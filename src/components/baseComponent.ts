import { normaliseDistributionName } from '../options/names.js';
import type { Component } from './component.js';

/** The layer every project gets, and the names derived from the answers. */
export const baseComponent: Component = {
  id: 'base',
  contribute: (answers) => ({
    overlays: ['base'],
    data: {
      distName: normaliseDistributionName(answers.projectName),
      imageName: normaliseDistributionName(answers.projectName),
      envPrefix: answers.packageName.toUpperCase(),
    },
  }),
};
