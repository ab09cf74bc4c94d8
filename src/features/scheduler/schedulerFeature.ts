import type { Answers } from '../../options/schema.js';
import type { FeatureModule } from '../featureModule.js';

/** A scheduler's id: one of the schema's `scheduler` choices (`none`: cron examples). */
export type Scheduler = Answers['scheduler'];

/**
 * What one scheduler contributes. Its folder `src/features/scheduler/<id>/` holds this
 * declaration, `files/` (what runs the pipeline job on a schedule, and its tests; planned only
 * with jobs) and `partials/`, the fragments hubs render with `{{> scheduler/<name>}}`
 * (dependency, image contents, env, README section).
 */
export interface SchedulerFeature extends FeatureModule {
  readonly id: Scheduler;
  /** With the model lifecycle: its templates/ folders for this scheduler (layered by the lifecycle component). */
  readonly lifecycleOverlays: readonly string[];
  readonly templateData: {
    /** The scheduler's name in the docs. */
    readonly schedulerName: string;
  };
}

/** The fragments' prefix in hub templates: `{{> scheduler/readme-section}}`. */
export const SCHEDULER_PARTIAL_PREFIX = 'scheduler';
