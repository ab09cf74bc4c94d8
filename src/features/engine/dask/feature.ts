import { DISTRIBUTED_ENGINE_OVERLAY, type EngineFeature } from '../engineFeature.js';

/** Dask dataframes on a local or remote cluster. */
export const daskFeature: EngineFeature = {
  id: 'dask',
  sharedOverlays: [DISTRIBUTED_ENGINE_OVERLAY],
  templateData: { engineName: 'dask', engineClass: 'DaskEngine', engineDistributed: true, engineUntypedImports: '' },
};
