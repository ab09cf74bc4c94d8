import { daskFeature } from './dask/feature.js';
import type { BatchEngine, EngineFeature } from './engineFeature.js';
import { pandasFeature } from './pandas/feature.js';
import { sparkFeature } from './spark/feature.js';

/** Every batch engine's module, keyed by the schema's choices: an engine without its module does not compile. */
export const engineFeatures: Record<BatchEngine, EngineFeature> = {
  pandas: pandasFeature,
  dask: daskFeature,
  spark: sparkFeature,
};
