import type { CiFeature } from '../ciFeature.js';

/** GitHub Actions: .github/workflows/ (ci, release, deploy, template-sync). */
export const githubFeature: CiFeature = {
  id: 'github',
  runsPipelines: true,
  layout: { '.github': 'CI/CD workflows: checks, release image, staging and production deploys, template sync' },
};
