import type { CiFeature } from '../ciFeature.js';

/** GitLab CI: .gitlab-ci.yml and the included template-sync job. */
export const gitlabFeature: CiFeature = {
  id: 'gitlab',
  runsPipelines: true,
  layout: { '.gitlab': 'the template-sync job (included by .gitlab-ci.yml): weekly update merge requests' },
};
