import type { Answers } from '../../options/schema.js';

/** A data loader's id: one of the schema's `dataLoaders` choices. */
export type DataLoader = Answers['dataLoaders'][number];

/**
 * What one data loader contributes. Its folder `src/features/loaders/<id>/` holds this declaration
 * (`feature.ts`), `files/` (its loader module and tests, layered like a templates/ overlay) and
 * `partials/`: one file per hub, `<hub>.hbs`, made of `{{#*inline "<what>"}}` blocks that hubs
 * render with `{{> loaders/<hub>-<what>}}`. Several loaders are chosen at once: a call renders the
 * fragment of every chosen loader that has one, in the registry's order (as the strategies do).
 */
export interface LoaderFeature {
  readonly id: DataLoader;
}

/** The fragments' prefix in hub templates: `{{> loaders/pyproject-dependencies}}`. */
export const LOADERS_PARTIAL_PREFIX = 'loaders';
