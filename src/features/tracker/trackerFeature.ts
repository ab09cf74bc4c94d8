import type { Answers } from '../../options/schema.js';
import type { FeatureModule } from '../featureModule.js';

/** An experiment tracker's id: one of the schema's `tracker` choices (`none` included). */
export type Tracker = Answers['tracker'];

/**
 * What one experiment tracker contributes. Its folder `src/features/tracker/<id>/` holds this
 * declaration, `files/` (its tracking module and tests) and `partials/`, the fragments hubs render
 * with `{{> tracker/<name>}}` (dependency, training call, test fixture, env, k8s, README section).
 */
export interface TrackerFeature extends FeatureModule {
  readonly id: Tracker;
  /** With the model lifecycle: its templates/ folders for this tracker (layered by the lifecycle component). */
  readonly lifecycleOverlays: readonly string[];
  readonly templateData: {
    /** Extra untyped modules for mypy's ignore list, as they follow in pyproject.toml ('' when none). */
    readonly trackerUntypedImports: string;
  };
}

/** The fragments' prefix in hub templates: `{{> tracker/readme-section}}`. */
export const TRACKER_PARTIAL_PREFIX = 'tracker';
