import type { CiFeature } from '../ciFeature.js';

/** No CI: no pipeline files; the docs describe running the same steps by hand. */
export const noneFeature: CiFeature = {
  id: 'none',
  runsPipelines: false,
  layout: {},
};
