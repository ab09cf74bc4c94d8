import type { StrategyFeature } from '../strategyFeature.js';

/** Database: SQL rows scored into a predictions table keyed by id and model version. */
export const databaseFeature: StrategyFeature = {
  id: 'database',
  runsPods: false,
  deployFiles: false,
  serviceFiles: false,
  runsServingImage: false,
};
