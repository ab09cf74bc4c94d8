import type { EngineFeature } from '../engineFeature.js';

/** pandas, in chunks: one process, one chunk in memory at a time. */
export const pandasFeature: EngineFeature = {
  id: 'pandas',
  templateData: { engineName: 'pandas', engineClass: 'PandasEngine', engineDistributed: false, engineUntypedImports: '' },
};
