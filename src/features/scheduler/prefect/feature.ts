import type { SchedulerFeature } from '../schedulerFeature.js';

/** A Prefect flow, one task per job step. */
export const prefectFeature: SchedulerFeature = {
  id: 'prefect',
  // The retraining loop as a second flow (cron and Airflow schedule retrain.sh from their own files).
  lifecycleOverlays: ['lifecycle/prefect'],
  templateData: { schedulerName: 'prefect' },
};
