import { LOADERS_PARTIAL_PREFIX } from '../features/loaders/loaderFeature.js';
import { loaderFeatures } from '../features/loaders/loaderFeatures.js';
import { choicesComponent } from './featureComponent.js';

/** The chosen data loaders' modules (src/features/loaders/<id>/): their files and hub fragments. */
export const loadersComponent = choicesComponent(LOADERS_PARTIAL_PREFIX, Object.keys(loaderFeatures), ({ dataLoaders }) =>
  dataLoaders.map((id) => loaderFeatures[id].id),
);
