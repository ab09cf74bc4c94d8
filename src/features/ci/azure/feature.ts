import type { CiFeature } from '../ciFeature.js';

/** Azure Pipelines: azure-pipelines.yml and the template-sync pipeline. */
export const azureFeature: CiFeature = {
  id: 'azure',
  runsPipelines: true,
  layout: { '.azure-pipelines': 'the template-sync pipeline: weekly update pull requests' },
};
