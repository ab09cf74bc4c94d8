import { condaFeature } from './conda/feature.js';
import type { DepsFeature, DepsManager } from './depsFeature.js';
import { pipFeature } from './pip/feature.js';
import { poetryFeature } from './poetry/feature.js';
import { uvFeature } from './uv/feature.js';

/** Every dependency manager's module, keyed by the schema's choices: a manager without its module does not compile. */
export const depsFeatures: Record<DepsManager, DepsFeature> = {
  uv: uvFeature,
  poetry: poetryFeature,
  pip: pipFeature,
  conda: condaFeature,
};
