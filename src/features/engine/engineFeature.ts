import type { Answers } from '../../options/schema.js';
import type { FeatureModule } from '../featureModule.js';

/** A batch engine's id: one of the schema's `batchEngine` choices. */
export type BatchEngine = Answers['batchEngine'];

/**
 * What one batch engine contributes. Its folder `src/features/engine/<id>/` holds this
 * declaration, `files/` (its engine module and its test session)
 * and `partials/`, the fragments hubs render with `{{> engine/<name>}}` (dependencies, settings,
 * config, README section). The distributed engines share templates/engines/distributed.
 */
export interface EngineFeature extends FeatureModule {
  readonly id: BatchEngine;
  readonly templateData: {
    /** The engine's name in the docs and `ENGINE_NAME`. */
    readonly engineName: string;
    /** Its class, in `engines/<engineName>_engine.py`, which `open_engine` loads. */
    readonly engineClass: string;
    /** Whether it runs on a cluster or session (engine settings, a test session, Parquet parts). */
    readonly engineDistributed: boolean;
    /** Extra untyped modules for mypy's ignore list, as they follow in pyproject.toml ('' when none). */
    readonly engineUntypedImports: string;
  };
}

/** The fragments' prefix in hub templates: `{{> engine/readme-section}}`. */
export const ENGINE_PARTIAL_PREFIX = 'engine';

/** The part every distributed engine shares: joining typed Parquet parts into one CSV. */
export const DISTRIBUTED_ENGINE_OVERLAY = 'engines/distributed';
