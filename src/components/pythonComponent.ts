import { toolVersions } from '../features/deps/toolVersions.js';
import type { Answers } from '../options/schema.js';
import type { Component } from './component.js';

/** Docker base images, pinned to a patch release per supported minor version (a version without its image does not compile). */
export const pythonImages: Record<Answers['pythonVersion'], string> = {
  '3.10': 'python:3.10.19-slim-bookworm',
  '3.11': 'python:3.11.14-slim-bookworm',
  '3.12': 'python:3.12.12-slim-bookworm',
  '3.13': 'python:3.13.9-slim-bookworm',
};

export { toolVersions };

/** Everything that follows from the Python version: targets, classifiers, images. */
export const pythonComponent: Component = {
  id: 'python',
  contribute: ({ pythonVersion }) => {
    const supported = Object.keys(pythonImages);
    const from = supported.indexOf(pythonVersion);
    return {
      overlays: [],
      data: {
        pythonTag: `py${pythonVersion.replace('.', '')}`,
        pythonImage: pythonImages[pythonVersion],
        pythonVersions: supported.slice(from),
        ...toolVersions,
      },
    };
  },
};
