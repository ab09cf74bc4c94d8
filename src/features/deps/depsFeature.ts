import { featureFilesFolder, featurePartialsFolder } from '../featureModule.js';
import type { Answers } from '../../options/schema.js';
import type { EnvStep, StepsInput } from './envSteps.js';

/** A dependency manager's id: one of the schema's `depsManager` choices. */
export type DepsManager = Answers['depsManager'];

/**
 * What one dependency manager contributes. Its folder `src/features/deps/<id>/` holds this
 * declaration (`feature.ts`), `files/` (the files only it has, such as environment.yml; rendered
 * like a templates/ overlay) and `partials/`, one Handlebars fragment per place a shared ("hub")
 * template differs by manager. A hub renders the chosen
 * manager's fragment with `{{> deps/<name>}}`; every manager has every fragment (an empty file
 * where it adds nothing), so a hub never tests the manager's id.
 */
export interface DepsFeature {
  readonly id: DepsManager;
  /** The files to commit that pin the environment (conda: its pip part). */
  readonly lockFiles: readonly string[];
  /**
   * How `--install` and `verify` create `.venv` and install the package with its dev tools, from
   * the lock (written first when missing, as `make install` does outside CI). Every manager ends
   * with a `.venv` in the project, so later checks share it.
   */
  installSteps(python: string, answers: StepsInput): EnvStep[];
}

/** The fragments' prefix in hub templates: `{{> deps/makefile-install}}`. */
export const DEPS_PARTIAL_PREFIX = 'deps';

/** Where a manager's own files are (layered over the base like a templates/ overlay), relative to `src/features/`. */
export const depsFilesFolder = (id: DepsManager): string => featureFilesFolder(DEPS_PARTIAL_PREFIX, id);

/** Where a manager's fragments are, relative to `src/features/`. */
export const depsPartialsFolder = (id: DepsManager): string => featurePartialsFolder(DEPS_PARTIAL_PREFIX, id);
