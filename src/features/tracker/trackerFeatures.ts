import { mlflowFeature } from './mlflow/feature.js';
import { noneFeature } from './none/feature.js';
import type { Tracker, TrackerFeature } from './trackerFeature.js';

/** Every experiment tracker's module, keyed by the schema's choices: a tracker without its module does not compile. */
export const trackerFeatures: Record<Tracker, TrackerFeature> = {
  none: noneFeature,
  mlflow: mlflowFeature,
};
