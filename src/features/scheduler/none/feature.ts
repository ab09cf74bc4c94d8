import type { SchedulerFeature } from '../schedulerFeature.js';

/** No scheduler: a crontab example that runs the pipeline job (and retrain.sh, from its own file). */
export const noneFeature: SchedulerFeature = { id: 'none', lifecycleOverlays: [], templateData: { schedulerName: 'none' } };
