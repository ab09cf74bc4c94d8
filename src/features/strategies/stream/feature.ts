import type { StrategyFeature } from '../strategyFeature.js';

/** Stream: an at-least-once event consumer (Redis Streams; Kafka variant) with its Kubernetes Deployment. */
export const streamFeature: StrategyFeature = {
  id: 'stream',
  runsPods: true,
  deployFiles: true,
  serviceFiles: false,
  runsServingImage: false,
};
