import { ENGINE_PARTIAL_PREFIX } from '../features/engine/engineFeature.js';
import { engineFeatures } from '../features/engine/engineFeatures.js';
import { featureComponent } from './featureComponent.js';

/** The batch engine's module (src/features/engine/<id>/), after what distributed engines share. */
export const engineComponent = featureComponent(ENGINE_PARTIAL_PREFIX, ({ batchEngine }) => engineFeatures[batchEngine]);
