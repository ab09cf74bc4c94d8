import { featureFilesFolder, featureServiceFilesFolder } from '../features/featureModule.js';
import { STRATEGIES_PARTIAL_PREFIX } from '../features/strategies/strategyFeature.js';
import { strategyFeatures } from '../features/strategies/strategyFeatures.js';
import type { Component } from './component.js';
import { choicePartials } from './featureComponent.js';

/**
 * The chosen deployment strategies' modules (src/features/strategies/<id>/): their files (and,
 * with the REST service, their `service-files/`), and their hub fragments; every module's
 * fragment names are registered, the unchosen ones rendering nothing. Plus `k8s` (kustomize base
 * and overlays, the training CronJob, the apply script) when a chosen strategy runs as
 * long-lived pods (rest, stream). `deployFiles`: a chosen strategy has descriptors under deploy/.
 * `servingImage`: a chosen strategy's pods run the serving image (rest).
 */
export const strategiesComponent: Component = {
  id: 'strategies',
  contribute: (answers) => {
    const chosen = answers.strategies.map((id) => strategyFeatures[id]);
    const k8s = chosen.some((s) => s.runsPods);
    return {
      overlays: k8s ? ['k8s'] : [],
      featureOverlays: [
        ...chosen.map((s) => featureFilesFolder(STRATEGIES_PARTIAL_PREFIX, s.id)),
        ...chosen.filter((s) => s.serviceFiles && answers.service).map((s) => featureServiceFilesFolder(STRATEGIES_PARTIAL_PREFIX, s.id)),
      ],
      partials: choicePartials(STRATEGIES_PARTIAL_PREFIX, Object.keys(strategyFeatures), answers.strategies),
      data: { k8s, deployFiles: chosen.some((s) => s.deployFiles), servingImage: chosen.some((s) => s.runsServingImage) },
    };
  },
};
