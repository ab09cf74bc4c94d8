import { azureFeature } from './azure/feature.js';
import type { CiFeature, CiProvider } from './ciFeature.js';
import { githubFeature } from './github/feature.js';
import { gitlabFeature } from './gitlab/feature.js';
import { noneFeature } from './none/feature.js';

/** Every CI provider's module, keyed by the schema's choices: a provider without its module does not compile. */
export const ciFeatures: Record<CiProvider, CiFeature> = {
  github: githubFeature,
  gitlab: gitlabFeature,
  azure: azureFeature,
  none: noneFeature,
};
