import { MODELS_PARTIAL_PREFIX } from '../features/models/familyFeature.js';
import { familyFeatures } from '../features/models/familyFeatures.js';
import type { Component } from './component.js';
import { choicePartials } from './featureComponent.js';
import { featureFilesFolder } from '../features/featureModule.js';

/**
 * The chosen model families' modules (src/features/models/<id>/): their files and hub fragments,
 * and the models hubs name: `defaultModel`, the one a project starts with (the first chosen
 * family, in the registry's order, that is not a baseline; else the baseline); `quickModel`, the
 * one tests train where any model will do (the baseline if chosen); `startsWithBaseline`, the
 * baseline is the only family (no gate to pass, no margin to beat); `smallModelParams`, whether a
 * chosen family has hyperparameters the integration config makes smaller.
 */
export const modelsComponent: Component = {
  id: MODELS_PARTIAL_PREFIX,
  contribute: (answers) => {
    const chosen = Object.values(familyFeatures).filter((f) => answers.modelFamilies.includes(f.id));
    const starter = chosen.find((f) => !f.baseline) ?? chosen[0]!;
    const quick = chosen.find((f) => f.baseline) ?? starter;
    return {
      overlays: [],
      featureOverlays: answers.modelFamilies.map((id) => featureFilesFolder(MODELS_PARTIAL_PREFIX, familyFeatures[id].id)),
      partials: choicePartials(MODELS_PARTIAL_PREFIX, Object.keys(familyFeatures), answers.modelFamilies),
      data: {
        defaultModel: starter.model(answers.task),
        quickModel: quick.model(answers.task),
        startsWithBaseline: starter.baseline,
        smallModelParams: chosen.some((f) => f.smallParams),
      },
    };
  },
};
