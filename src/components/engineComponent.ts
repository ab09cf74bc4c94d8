import type { Component } from './component.js';

/**
 * The batch engine of the processing and inference jobs: `engines/<value>`, after the part
 * every distributed engine shares (`engines/distributed`: joining Parquet parts into one CSV).
 */
export const engineComponent: Component = {
  id: 'engine',
  contribute: ({ batchEngine }) => ({
    overlays: batchEngine === 'pandas' ? ['engines/pandas'] : ['engines/distributed', `engines/${batchEngine}`],
  }),
};
