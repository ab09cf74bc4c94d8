import { LINT_PARTIAL_PREFIX } from '../features/lint/lintFeature.js';
import { lintFeatures } from '../features/lint/lintFeatures.js';
import { featureComponent } from './featureComponent.js';

/** The lint stack's module (src/features/lint/<id>/): its config files, hub fragments and names. */
export const lintComponent = featureComponent(LINT_PARTIAL_PREFIX, ({ lintStack }) => lintFeatures[lintStack]);
