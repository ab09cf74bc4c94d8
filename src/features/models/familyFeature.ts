import type { Answers } from '../../options/schema.js';

/** A model family's id: one of the schema's `modelFamilies` choices. */
export type ModelFamily = Answers['modelFamilies'][number];

/**
 * What one model family contributes. Its folder `src/features/models/<id>/` holds this declaration
 * (`feature.ts`), `files/` (its package under `src/<pkg>/models/` and its tests, layered like a
 * templates/ overlay) and `partials/`: one file per hub, `<hub>.hbs`, made of `{{#*inline "<what>"}}`
 * blocks that hubs render with `{{> models/<hub>-<what>}}`. Several families are chosen at once: a
 * call renders the fragment of every chosen family that has one, in the registry's order.
 */
export interface FamilyFeature {
  readonly id: ModelFamily;
  /** The family's model a project of this task starts with (configs, jobs, tests). */
  model(task: Answers['task']): string;
  /** A baseline: the quickest to train, chosen by tests where any model will do; a project starts with it only when it is the one family. */
  readonly baseline: boolean;
  /** Has hyperparameters (trees, boosting rounds) the integration config and the tests make smaller. */
  readonly smallParams: boolean;
}

/** The fragments' prefix in hub templates: `{{> models/registry-register}}`. */
export const MODELS_PARTIAL_PREFIX = 'models';
