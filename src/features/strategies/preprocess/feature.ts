import type { StrategyFeature } from '../strategyFeature.js';

/** Pre-process: every key scored into a lookup table; with the service, its GET /lookup/{key} router. */
export const preprocessFeature: StrategyFeature = {
  id: 'preprocess',
  runsPods: false,
  deployFiles: false,
  serviceFiles: true,
  runsServingImage: false,
};
