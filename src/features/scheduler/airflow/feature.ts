import type { SchedulerFeature } from '../schedulerFeature.js';

/** An Airflow DAG whose tasks call the jobs. */
export const airflowFeature: SchedulerFeature = { id: 'airflow', lifecycleOverlays: [], templateData: { schedulerName: 'airflow' } };
