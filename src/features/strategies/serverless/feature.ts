import type { StrategyFeature } from '../strategyFeature.js';

/** Serverless: an AWS Lambda-style handler with its SAM template and container image. */
export const serverlessFeature: StrategyFeature = {
  id: 'serverless',
  runsPods: false,
  deployFiles: true,
  serviceFiles: false,
  runsServingImage: false,
};
