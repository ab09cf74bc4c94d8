import { airflowFeature } from './airflow/feature.js';
import { noneFeature } from './none/feature.js';
import { prefectFeature } from './prefect/feature.js';
import type { Scheduler, SchedulerFeature } from './schedulerFeature.js';

/** Every scheduler's module, keyed by the schema's choices: a scheduler without its module does not compile. */
export const schedulerFeatures: Record<Scheduler, SchedulerFeature> = {
  none: noneFeature,
  prefect: prefectFeature,
  airflow: airflowFeature,
};
