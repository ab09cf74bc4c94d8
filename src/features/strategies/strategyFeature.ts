import type { Answers } from '../../options/schema.js';

/** A deployment strategy's id: one of the schema's `strategies` choices. */
export type Strategy = Answers['strategies'][number];

/**
 * What one deployment strategy contributes. Its folder `src/features/strategies/<id>/` holds this
 * declaration (`feature.ts`), `files/` (its code, tests and deployment files, layered like a
 * templates/ overlay), `service-files/` (only with the REST service) and `partials/`: one file per
 * hub, `<hub>.hbs`, made of `{{#*inline "<what>"}}` blocks that hubs render with
 * `{{> strategies/<hub>-<what>}}` (see features/featureModule.ts). Several strategies are chosen at
 * once: a hub's call renders the fragment of every chosen strategy that has one, in the
 * registry's order, so a strategy has only the fragments where it adds something.
 */
export interface StrategyFeature {
  readonly id: Strategy;
  /** Runs as long-lived pods: the project gets `templates/k8s/` (kustomize base and overlays, the training CronJob, apply.sh). */
  readonly runsPods: boolean;
  /** Has deployment descriptors under `deploy/`, which the unit tests validate (so the test image copies them). */
  readonly deployFiles: boolean;
  /** Has files that only make sense with the REST service (its `service-files/`). */
  readonly serviceFiles: boolean;
  /** Its pods run the serving image (release.sh's `<name>-serve`), which apply.sh then sets. */
  readonly runsServingImage: boolean;
}

/** The fragments' prefix in hub templates: `{{> strategies/makefile-targets}}`. */
export const STRATEGIES_PARTIAL_PREFIX = 'strategies';
