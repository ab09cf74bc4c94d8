import type { Component } from './component.js';

/**
 * One overlay per chosen deployment strategy (`strategies/rest`, ...), plus
 * `strategies/preprocess-service` (the `GET /lookup/{key}` router) when the pre-computed
 * predictions are also served by the REST service, and `k8s` (kustomize base and overlays, the
 * training CronJob, the apply script) when a strategy runs as long-lived pods: rest or stream;
 * with rest and the lifecycle, `k8s-served` adds the volume of served-traffic samples the REST
 * pods write and the training CronJob's drift step reads.
 */
export const strategiesComponent: Component = {
  id: 'strategies',
  contribute: (answers) => {
    const k8s = answers.strategies.includes('rest') || answers.strategies.includes('stream');
    return {
      overlays: [
        ...answers.strategies.map((s) => `strategies/${s}`),
        ...(answers.strategies.includes('preprocess') && answers.service ? ['strategies/preprocess-service'] : []),
        ...(k8s ? ['k8s'] : []),
        ...(answers.strategies.includes('rest') && answers.lifecycle ? ['k8s-served'] : []),
      ],
      data: { k8s },
    };
  },
};
