import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CreateEvent, CreateProjectResult } from '../createProject.js';
import { generateProject } from '../generateProject.js';
import { CancelledError, ExitCode, UsageError } from '../errors.js';
import { inspectTarget } from '../fs/targetState.js';
import { projectNameFromDirectory, terminalSafe } from '../options/names.js';
import { resolveAnswers } from '../options/resolveAnswers.js';
import { gitUser, type GitUser } from '../steps/gitUser.js';
import type { TeamTemplate } from '../team/teamTemplate.js';
import type { Output } from '../ui/output.js';
import { canAsk, type CliIo } from './cliIo.js';
import { equivalentCommand } from './commandLine.js';
import type { ParsedArgs } from './parseArgs.js';
import { printNextSteps, printPlan } from './report.js';

type CreateArgs = Extract<ParsedArgs, { kind: 'create' }>;

/** `create-ml-prod [directory]`: answers, the command that reproduces them, then the project. */
export async function runCreate(out: Output, io: CliIo, parsed: CreateArgs, team: TeamTemplate | undefined, signal: AbortSignal, identity: Promise<GitUser> = gitUser(io.cwd)): Promise<number> {
  const { run } = parsed;
  const interactive = canAsk(io, run.yes);
  // Prompts, answers files and verify load only when used.
  const prompts = interactive ? await import('./prompts.js') : undefined;
  // A target that will be refused is refused before the first question, not after the last.
  if (interactive && parsed.directory !== undefined && !run.force && !run.dryRun) {
    const target = await inspectTarget(path.resolve(io.cwd, parsed.directory));
    if (target.blocking.length > 0) {
      throw new UsageError(`${terminalSafe(parsed.directory)} is not empty (${target.blocking.slice(0, 3).join(', ')}): choose another directory, or add --force to generate into it`);
    }
  }

  // 1. Resolve the answers: defaults < answers file < flags < prompts.
  const file = run.answersFile
    ? await (await import('../options/readAnswersFile.js')).readAnswersFile(path.resolve(io.cwd, run.answersFile))
    : {};
  const answers = await resolveAnswers({
    flags: parsed.flags,
    file,
    ...(parsed.directory !== undefined ? { defaults: { projectName: projectNameFromDirectory(path.resolve(io.cwd, parsed.directory)) } } : {}),
    ...(prompts ? { ask: prompts.askInTerminal } : {}),
    ...(team ? { extraOptions: team.options } : {}),
    askAdvanced: run.advanced,
    askDeployment: run.advise,
    context: { gitUser: await identity },
  });
  const directory = parsed.directory ?? answers.projectName;
  if (signal.aborted) throw new CancelledError();

  // 2. Say what will happen, as a command that reproduces it.
  out.line(out.color.dim(`$ ${terminalSafe(equivalentCommand(directory, answers, team?.options ?? [], run.template))}`));

  // 3. Plan, write and run the post steps, with these answers and this overlay (resolved and loaded once).
  const result = await generateProject({
    directory,
    answers,
    ...(team ? { team } : {}),
    cwd: io.cwd,
    force: run.force,
    conflict: run.conflict ?? prompts?.askConflict ?? 'abort',
    dryRun: run.dryRun,
    git: run.git,
    install: run.install,
    signal,
    pauseMs: Number(io.env.CREATE_ML_PROD_TEST_PAUSE_MS ?? 0) || 0,
    onEvent: (event) => report(out, event),
  });
  finish(out, result, io.cwd);
  if (run.verify && !result.dryRun) return (await import('./verifyCommand.js')).runVerify(out, result.root, signal);
  return ExitCode.ok;
}

function report(out: Output, event: CreateEvent): void {
  if (event.type === 'conflicts') {
    const verb = event.policy === 'skip' ? 'keeping yours' : event.policy === 'overwrite' ? 'overwriting' : 'aborting';
    out.warn(`${event.paths.length} file(s) exist (${verb}): ${event.paths.join(', ')}`);
  } else if (event.type === 'step') out.step(`${event.step}...`);
  else if (event.type === 'rollback' && event.problems.length > 0) {
    out.warn(`could not undo everything: ${event.problems.join('; ')}`);
  }
}

function finish(out: Output, result: CreateProjectResult, cwd: string): void {
  if (result.dryRun) {
    printPlan(out, result);
    return;
  }
  const written = result.actions.filter((a) => a.action !== 'skip').length;
  out.success(`Created ${result.plan.answers.projectName} in ${terminalSafe(path.relative(cwd, result.root)) || '.'} (${written} files)`);
  if (result.git === 'initialised') out.success('Initialised a git repository with an initial commit');
  if (result.git === 'inside-work-tree') out.step('Inside an existing git work tree: git init skipped');
  if (result.installed && existsSync(path.join(result.root, '.venv'))) out.success('Installed the project into .venv');
  printNextSteps(out, result, cwd);
}
