import type { TrackerFeature } from '../trackerFeature.js';

/** No tracker: metrics.json beside each model is the record of a training run. */
export const noneFeature: TrackerFeature = {
  id: 'none',
  lifecycleOverlays: [],
  templateData: { trackerUntypedImports: '' },
};
