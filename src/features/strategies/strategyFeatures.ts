import { batchFeature } from './batch/feature.js';
import { databaseFeature } from './database/feature.js';
import { preprocessFeature } from './preprocess/feature.js';
import { restFeature } from './rest/feature.js';
import { serverlessFeature } from './serverless/feature.js';
import type { Strategy, StrategyFeature } from './strategyFeature.js';
import { streamFeature } from './stream/feature.js';

/**
 * Every deployment strategy's module, keyed by the schema's choices: a strategy without its module
 * does not compile. The order is the hubs' order: where several chosen strategies have a fragment
 * of the same name, they render in this order.
 */
export const strategyFeatures: Record<Strategy, StrategyFeature> = {
  batch: batchFeature,
  rest: restFeature,
  serverless: serverlessFeature,
  preprocess: preprocessFeature,
  stream: streamFeature,
  database: databaseFeature,
};
