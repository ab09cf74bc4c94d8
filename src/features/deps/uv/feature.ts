import type { DepsFeature } from '../depsFeature.js';

/** uv: `uv sync` from uv.lock, commands through `uv run`. */
export const uvFeature: DepsFeature = {
  id: 'uv',
  lockFiles: ['uv.lock'],
};
