import type { StrategyFeature } from '../strategyFeature.js';

/** REST: the service's Kubernetes Deployment, Service and autoscaler. */
export const restFeature: StrategyFeature = {
  id: 'rest',
  runsPods: true,
  deployFiles: true,
  serviceFiles: false,
  runsServingImage: true,
};
