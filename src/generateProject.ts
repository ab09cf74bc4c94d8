import path from 'node:path';
import { CancelledError, UsageError } from './errors.js';
import { applyPolicy, findConflicts, type ConflictPolicy } from './fs/conflicts.js';
import { commitPlan } from './fs/commitPlan.js';
import { Journal } from './fs/journal.js';
import { realTarget } from './fs/realTarget.js';
import { assertNoJournal, recoverProject } from './fs/recoverProject.js';
import { inspectTarget } from './fs/targetState.js';
import { terminalSafe } from './options/names.js';
import type { Answers } from './options/schema.js';
import { buildPlan } from './plan/buildPlan.js';
import type { TeamTemplate } from './team/teamTemplate.js';
import { generatorVersion, templatesRoot } from './templatesRoot.js';
import type { CreateProjectOptions, CreateProjectResult } from './createProject.js';

export interface GenerateProjectInput extends Omit<CreateProjectOptions, 'answers' | 'template'> {
  /** Every answer, resolved once by the caller (defaults, file, flags, prompts). */
  readonly answers: Answers & Readonly<Record<string, unknown>>;
  /** The team overlay, loaded once by the caller. */
  readonly team?: TeamTemplate;
}

/**
 * The generator as a checklist: plan, check the target, write, post steps, from answers already
 * resolved and an overlay already loaded (by createProject for the library, by the CLI itself).
 * Nothing touches the disk before the plan is final; a failure undoes exactly what this run did.
 */
export async function generateProject(options: GenerateProjectInput): Promise<CreateProjectResult> {
  // Symbolic links among the target's parents resolve (on macOS /tmp and /var are links).
  const root = realTarget(path.resolve(options.cwd ?? process.cwd(), options.directory));
  const { answers, team } = options;

  // 1. Build the whole plan in memory.
  const plan = buildPlan({
    answers,
    templatesRoot: templatesRoot(),
    generatorVersion: generatorVersion(),
    ...(team ? { teamTemplate: { root: team.root, ref: { ...team.ref, path: relativeRef(root, team.root) } } } : {}),
  });

  // 2. Check the target and settle conflicts, before any write. An interrupted run's journal is
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

  // 3. Write, then the post steps; undo everything on failure or cancellation. The journal is on
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
function relativeRef(projectRoot: string, templateDir: string): string {
  const relative = path.relative(projectRoot, templateDir) || '.';
  return relative.split(path.sep).join('/');
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
