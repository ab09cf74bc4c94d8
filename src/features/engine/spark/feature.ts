import { DISTRIBUTED_ENGINE_OVERLAY, type EngineFeature } from '../engineFeature.js';

/** PySpark, local mode unless `engine.master` names a cluster; needs Java. */
export const sparkFeature: EngineFeature = {
  id: 'spark',
  sharedOverlays: [DISTRIBUTED_ENGINE_OVERLAY],
  templateData: { engineName: 'spark', engineClass: 'SparkEngine', engineDistributed: true, engineUntypedImports: ', "py4j", "py4j.*"' },
};
