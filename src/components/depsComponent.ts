import { DEPS_PARTIAL_PREFIX } from '../features/deps/depsFeature.js';
import { depsFeatures } from '../features/deps/depsFeatures.js';
import { featureComponent } from './featureComponent.js';

/** The dependency manager's module (src/features/deps/<id>/): its own files and its hub fragments. */
export const depsComponent = featureComponent(DEPS_PARTIAL_PREFIX, ({ depsManager }) => depsFeatures[depsManager]);
