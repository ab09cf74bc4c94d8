import type { Answers } from '../../options/schema.js';
import type { FeatureModule } from '../featureModule.js';

/** A lint stack's id: one of the schema's `lintStack` choices. */
export type LintStack = Answers['lintStack'];

/**
 * What one lint stack contributes. Its folder `src/features/lint/<id>/` holds this declaration,
 * `files/` (its own config files, e.g. classic's .flake8) and `partials/`, the fragments hubs
 * render with `{{> lint/<name>}}` (dev dependencies, tool settings, Make targets, hooks, docs).
 */
export interface LintFeature extends FeatureModule {
  readonly id: LintStack;
  readonly templateData: {
    /** The linters `make lint` runs, as the docs and CI step names list them. */
    readonly lintLinters: string;
    /** The formatters `make format-check` runs. */
    readonly lintFormatters: string;
    /** The lint command the test image's usage comment shows. */
    readonly lintCheckCommand: string;
    /** The pre-commit hooks of the stack, as the docs list them. */
    readonly lintHooks: string;
    /** A hook that needs the project's environment, which CI's pre-commit job skips ('' when none). */
    readonly lintEnvHook: string;
  };
}

/** The fragments' prefix in hub templates: `{{> lint/makefile-targets}}`. */
export const LINT_PARTIAL_PREFIX = 'lint';
