import { SCHEDULER_PARTIAL_PREFIX } from '../features/scheduler/schedulerFeature.js';
import { schedulerFeatures } from '../features/scheduler/schedulerFeatures.js';
import { featureComponent } from './featureComponent.js';

/** What runs the pipeline job on a schedule (src/features/scheduler/<id>/); without jobs, no files. */
export const schedulerComponent = featureComponent(
  SCHEDULER_PARTIAL_PREFIX,
  ({ scheduler }) => schedulerFeatures[scheduler],
  ({ jobs }) => jobs,
);
