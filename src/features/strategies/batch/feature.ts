import type { StrategyFeature } from '../strategyFeature.js';

/** Batch: chunked, idempotent scoring of files or SQL (the inference job; its test here). */
export const batchFeature: StrategyFeature = {
  id: 'batch',
  runsPods: false,
  deployFiles: false,
  serviceFiles: false,
  runsServingImage: false,
};
