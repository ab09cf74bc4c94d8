import path from 'node:path';
import { CancelledError, UsageError } from './errors.js';
import { applyPolicy, findConflicts, type ConflictPolicy, type PlannedAction } from './fs/conflicts.js';
import { commitPlan } from './fs/commitPlan.js';
import { Journal } from './fs/journal.js';
import { realTarget } from './fs/realTarget.js';
import { assertNoJournal, recoverProject, type Recovery } from './fs/recoverProject.js';
import { inspectTarget } from './fs/targetState.js';
import { projectNameFromDirectory, terminalSafe } from './options/names.js';
import { resolveAnswers } from './options/resolveAnswers.js';
import { loadTeamTemplate, type TeamTemplate } from './team/teamTemplate.js';
import type { Answers } from './options/schema.js';
import { buildPlan } from './plan/buildPlan.js';
import type { Plan } from './plan/plan.js';
import { generatorVersion, templatesRoot } from './templatesRoot.js';

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
 * The generator as a checklist: resolve, plan, check the target, write, post steps.
 * Nothing touches the disk before the plan is final; a failure undoes exactly what this run did.
 */
export async function createProject(options: CreateProjectOptions): Promise<CreateProjectResult> {
  // Symbolic links among the target's parents resolve (on macOS /tmp and /var are links).
  const root = realTarget(path.resolve(options.cwd ?? process.cwd(), options.directory));

  // 1. Resolve the answers (the library never prompts), with the team overlay's options if any.
  const team = options.template ? loadTeamFor(root, path.resolve(options.cwd ?? process.cwd(), options.template)) : undefined;
  const answers = await resolveAnswers({
    file: options.answers ?? {},
    defaults: { projectName: projectNameFromDirectory(root) },
    ...(team ? { extraOptions: team.options } : {}),
  });

  // 2. Build the whole plan in memory.
  const plan = buildPlan({
    answers,
    templatesRoot: templatesRoot(),
    generatorVersion: generatorVersion(),
    ...(team ? { teamTemplate: { root: team.root, ref: team.ref } } : {}),
  });

  // 3. Check the target and settle conflicts, before any write. An interrupted run's journal is
  // replayed first (a dry run only says so), so the target is seen as it was before that run.
  if (!options.dryRun) {
    const recovered = await recoverProject(root);
    if (recovered) options.onEvent?.({ type: 'recovered', recovery: recovered });
  } else await assertNoJournal(root);
  const target = await inspectTarget(root);
  if (target.blocking.length > 0 && !options.force) {
    throw new UsageError(
      `${displayPath(root, options.cwd)} is not empty (${describeEntries(target.blocking)}): choose another directory, or add --force to generate into it`,
    );
  }
  const conflicts = target.exists ? await findConflicts(root, plan.files) : [];
  let policy: ConflictPolicy = 'abort';
  if (conflicts.length > 0) {
    const choice = options.conflict ?? 'abort';
    policy = typeof choice === 'function' ? await choice(conflicts) : choice;
    options.onEvent?.({ type: 'conflicts', paths: conflicts, policy });
    if (policy === 'abort') {
      throw new UsageError(
        `${conflicts.length} file${conflicts.length > 1 ? 's' : ''} would be overwritten (${describeEntries(conflicts)}): add --conflict skip to keep yours, or --conflict overwrite`,
      );
    }
  }
  const actions = applyPolicy(plan.files, conflicts, policy === 'overwrite' ? 'overwrite' : 'skip');
  const gitWanted = options.git ?? true;
  if (options.dryRun) {
    return { root, plan, actions, dryRun: true, git: 'dry-run', installed: false };
  }
  // git and install steps (and execa with them) load only when a run has them.
  const gitSteps = gitWanted ? await import('./steps/git.js') : undefined;
  const inWorkTree = gitSteps ? await gitSteps.insideGitWorkTree(root) : false;

  // 4. Write, then the post steps; undo everything on failure or cancellation. The journal is on
  // disk ahead of every change, so even SIGKILL or a power cut can be undone (recoverProject).
  const journal = await Journal.begin(root, 'create');
  try {
    await commitPlan({
      root,
      actions,
      journal,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.pauseMs ? { pauseMs: options.pauseMs } : {}),
      onFile: (p) => options.onEvent?.({ type: 'write', path: p }),
    });
    // The install first: it writes the lock, which the initial commit then includes.
    if (options.install) {
      const { installEnvironment } = await import('./steps/install.js');
      await installEnvironment({
        root,
        answers,
        journal,
        ...(options.signal ? { signal: options.signal } : {}),
        onStep: (step) => options.onEvent?.({ type: 'step', step }),
      });
    }
    throwIfAborted(options.signal);
    let git: CreateProjectResult['git'] = 'disabled';
    if (gitWanted && inWorkTree) git = 'inside-work-tree';
    else if (gitSteps) {
      options.onEvent?.({ type: 'step', step: 'git init and initial commit' });
      await gitSteps.initRepository({
        root,
        journal,
        author: answers.author,
        email: answers.email,
        message: `Initial commit from create-ml-prod ${generatorVersion()}`,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      git = 'initialised';
    }
    throwIfAborted(options.signal);
    await journal.commit();
    return { root, plan, actions, dryRun: false, git, installed: Boolean(options.install) };
  } catch (error) {
    const problems = await journal.rollback();
    options.onEvent?.({ type: 'rollback', problems });
    if (options.signal?.aborted && !(error instanceof CancelledError)) {
      throw new CancelledError('Cancelled: nothing was kept.');
    }
    throw error;
  }
}

/** The overlay is recorded relative to the project, so project and overlay can move together. */
export function loadTeamFor(projectRoot: string, templateDir: string): TeamTemplate {
  const relative = path.relative(projectRoot, templateDir) || '.';
  return loadTeamTemplate(templateDir, relative.split(path.sep).join('/'));
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError('Cancelled: nothing was kept.');
}

function describeEntries(entries: readonly string[]): string {
  const shown = entries.slice(0, 3).join(', ');
  return entries.length > 3 ? `${shown} and ${entries.length - 3} more` : shown;
}

function displayPath(root: string, cwd: string | undefined): string {
  const relative = path.relative(cwd ?? process.cwd(), root);
  return terminalSafe(relative === '' ? 'the current directory' : relative.startsWith('..') ? root : relative);
}
