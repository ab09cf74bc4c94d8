import type { Component } from './component.js';

/**
 * One overlay per chosen deployment strategy (`strategies/rest`, ...), plus
 * `strategies/preprocess-service` (the `GET /lookup/{key}` router) when the pre-computed
 * predictions are also served by the REST service.
 */
export const strategiesComponent: Component = {
  id: 'strategies',
  contribute: (answers) => ({
    overlays: [
      ...answers.strategies.map((s) => `strategies/${s}`),
      ...(answers.strategies.includes('preprocess') && answers.service ? ['strategies/preprocess-service'] : []),
    ],
  }),
};
