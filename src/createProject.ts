import path from 'node:path';
import type { ConflictPolicy, PlannedAction } from './fs/conflicts.js';
import { realTarget } from './fs/realTarget.js';
import type { Recovery } from './fs/recoverProject.js';
import { generateProject } from './generateProject.js';
import { projectNameFromDirectory } from './options/names.js';
import { resolveAnswers } from './options/resolveAnswers.js';
import type { Answers } from './options/schema.js';
import type { Plan } from './plan/plan.js';
import { loadTeamTemplate } from './team/teamTemplate.js';

export type ConflictChoice = ConflictPolicy | ((conflicts: readonly string[]) => Promise<ConflictPolicy>);

export interface CreateProjectOptions {
  /** Where to generate; relative paths resolve against `cwd`. */
  readonly directory: string;
  /** Answers; what is missing takes its default (the project name defaults to the folder name). */
  readonly answers?: Partial<Answers>;
  readonly cwd?: string;
  /** Accept a non-empty directory. */
  readonly force?: boolean;
  /** What to do with files that already exist: a policy, or a function that asks. Default: abort. */
  readonly conflict?: ConflictChoice;
  /** Plan only: nothing is written. */
  readonly dryRun?: boolean;
  /** `git init` and an initial commit (skipped inside a work tree). Default: true. */
  readonly git?: boolean;
  /** Create the Python environment. Default: false. */
  readonly install?: boolean;
  readonly signal?: AbortSignal;
  /** Progress events, for a CLI to print. */
  readonly onEvent?: (event: CreateEvent) => void;
  /** A team overlay folder (relative to `cwd`): extra files and options, layered last. */
  readonly template?: string;
  /** Test hook: pause after each written file. */
  readonly pauseMs?: number;
}

export type CreateEvent =
  | { readonly type: 'conflicts'; readonly paths: readonly string[]; readonly policy: ConflictPolicy }
  | { readonly type: 'write'; readonly path: string }
  | { readonly type: 'step'; readonly step: string }
  | { readonly type: 'rollback'; readonly problems: readonly string[] }
  | { readonly type: 'recovered'; readonly recovery: Recovery };

export interface CreateProjectResult {
  readonly root: string;
  readonly plan: Plan;
  readonly actions: readonly PlannedAction[];
  readonly dryRun: boolean;
  readonly git: 'initialised' | 'inside-work-tree' | 'disabled' | 'dry-run';
  readonly installed: boolean;
}

/**
 * The library's entry: resolves the answers (the library never prompts) with the team overlay's
 * options, once each, then generates (generateProject).
 */
export async function createProject(options: CreateProjectOptions): Promise<CreateProjectResult> {
  const { answers: given, template, ...rest } = options;
  const cwd = options.cwd ?? process.cwd();
  const root = realTarget(path.resolve(cwd, options.directory));
  // The overlay is named relative to the project in its messages, as in the record.
  const templateDir = template ? path.resolve(cwd, template) : undefined;
  const team = templateDir ? loadTeamTemplate(templateDir, (path.relative(root, templateDir) || '.').split(path.sep).join('/')) : undefined;
  const answers = await resolveAnswers({
    file: given ?? {},
    defaults: { projectName: projectNameFromDirectory(root) },
    ...(team ? { extraOptions: team.options } : {}),
  });
  return generateProject({ ...rest, answers, ...(team ? { team } : {}) });
}
