import { DEPS_PARTIAL_PREFIX, depsFilesFolder, depsPartialsFolder } from '../features/deps/depsFeature.js';
import { depsFeatures } from '../features/deps/depsFeatures.js';
import type { Component } from './component.js';

/** The dependency manager's module (src/features/deps/<id>/): its own files and its hub fragments. */
export const depsComponent: Component = {
  id: 'deps',
  contribute: ({ depsManager }) => {
    const { id } = depsFeatures[depsManager];
    return {
      overlays: [],
      featureOverlays: [depsFilesFolder(id)],
      partials: [{ prefix: DEPS_PARTIAL_PREFIX, folder: depsPartialsFolder(id) }],
    };
  },
};
