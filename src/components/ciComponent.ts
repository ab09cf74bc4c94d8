import { CI_PARTIAL_PREFIX } from '../features/ci/ciFeature.js';
import { ciFeatures } from '../features/ci/ciFeatures.js';
import { featureComponent } from './featureComponent.js';

/** The CI provider's module (src/features/ci/<id>/): its pipeline files and its hub fragments. */
export const ciComponent = featureComponent(CI_PARTIAL_PREFIX, ({ ci }) => ciFeatures[ci]);
