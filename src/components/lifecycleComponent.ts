import { schedulerFeatures } from '../features/scheduler/schedulerFeatures.js';
import { trackerFeatures } from '../features/tracker/trackerFeatures.js';
import type { Component } from './component.js';

/**
 * Seed 003's model lifecycle: the shared modules, the sample drops of the chosen task, and the
 * pieces that only make sense with the REST service (the reload endpoint's tests), with its
 * Kubernetes Deployment (the served-traffic volume its pods write and the training CronJob reads),
 * the tracker's (MLflow: the registry backed by MLflow's model registry) and, with jobs, the
 * scheduler's (Prefect: the retraining flow).
 */
export const lifecycleComponent: Component = {
  id: 'lifecycle',
  contribute: (answers) =>
    answers.lifecycle
      ? {
          overlays: [
            'lifecycle/common',
            `lifecycle/${answers.task}`,
            ...(answers.service ? ['lifecycle/service'] : []),
            ...(answers.strategies.includes('rest') ? ['lifecycle/rest-k8s'] : []),
            ...trackerFeatures[answers.tracker].lifecycleOverlays,
            ...(answers.jobs ? schedulerFeatures[answers.scheduler].lifecycleOverlays : []),
          ],
        }
      : undefined,
};
