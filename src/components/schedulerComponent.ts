import type { Component } from './component.js';

/**
 * What runs the pipeline job on a schedule (`schedulers/<value>`); without jobs, nothing. With
 * the lifecycle, Prefect also gets the retraining flow (cron and Airflow schedule retrain.sh
 * from their own files).
 */
export const schedulerComponent: Component = {
  id: 'scheduler',
  contribute: ({ scheduler, jobs, lifecycle }) => ({
    overlays: jobs ? [`schedulers/${scheduler}`, ...(scheduler === 'prefect' && lifecycle ? ['schedulers/prefect-lifecycle'] : [])] : [],
  }),
};
