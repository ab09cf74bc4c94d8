import { TRACKER_PARTIAL_PREFIX } from '../features/tracker/trackerFeature.js';
import { trackerFeatures } from '../features/tracker/trackerFeatures.js';
import { featureComponent } from './featureComponent.js';

/** The experiment tracker's module (src/features/tracker/<id>/): its files, hub fragments and data. */
export const trackerComponent = featureComponent(TRACKER_PARTIAL_PREFIX, ({ tracker }) => trackerFeatures[tracker]);
