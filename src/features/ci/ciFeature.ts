import type { Answers } from '../../options/schema.js';

/** A CI provider's id: one of the schema's `ci` choices (`none` included). */
export type CiProvider = Answers['ci'];

/**
 * What one CI provider contributes. Its folder `src/features/ci/<id>/` holds this declaration
 * (`feature.ts`), `files/` (its pipeline files, layered like a templates/ overlay) and
 * `partials/`, the fragments hubs render with `{{> ci/<name>}}` (see features/featureModule.ts).
 */
export interface CiFeature {
  readonly id: CiProvider;
  /** Whether the project gets pipelines, hence the scripts they call (templates/ci/common). */
  readonly runsPipelines: boolean;
  /** The README layout's description of the provider's top-level folders. */
  readonly layout: Readonly<Record<string, string>>;
}

/** The fragments' prefix in hub templates: `{{> ci/readme-releases}}`. */
export const CI_PARTIAL_PREFIX = 'ci';
