import { ExitPromptError } from '@inquirer/core';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createProject, type CreateEvent, type CreateProjectResult } from '../createProject.js';
import { CancelledError, ExitCode, exitCodeOf, StepError, UsageError } from '../errors.js';
import { projectNameFromDirectory } from '../options/names.js';
import { readAnswersFile } from '../options/readAnswersFile.js';
import { resolveAnswers } from '../options/resolveAnswers.js';
import type { Answers } from '../options/schema.js';
import { gitUser } from '../steps/git.js';
import { generatorVersion } from '../templatesRoot.js';
import { colorLevel } from '../ui/colorLevel.js';
import { createOutput, type Output, type Writable } from '../ui/output.js';
import { equivalentCommand } from './commandLine.js';
import { helpText } from './help.js';
import { parseArgs } from './parseArgs.js';
import { askConflict, askInTerminal } from './prompts.js';
import { printNextSteps, printPlan } from './report.js';
import { runVerify, verifyRoot } from './verifyCommand.js';

export interface CliIo {
  readonly stdout: Writable & { isTTY?: boolean };
  readonly stderr: Writable;
  readonly stdinIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
}

/** The whole command: argv in, exit code out. Signals cancel the run and undo its writes. */
export async function main(args: readonly string[], io: CliIo = processIo()): Promise<number> {
  const early = colorLevel({ noColorFlag: args.includes('--no-color'), env: io.env, isTTY: Boolean(io.stdout.isTTY) });
  let out = createOutput(io.stdout, io.stderr, early);
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(ExitCode.cancelled);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const parsed = parseArgs(args);
    out = createOutput(io.stdout, io.stderr, colorLevel({ noColorFlag: parsed.kind === 'create' ? parsed.run.noColor : parsed.noColor, env: io.env, isTTY: Boolean(io.stdout.isTTY) }));
    if (parsed.kind === 'help') {
      io.stdout.write(helpText(generatorVersion(), out.color));
      return ExitCode.ok;
    }
    if (parsed.kind === 'version') {
      io.stdout.write(`${generatorVersion()}\n`);
      return ExitCode.ok;
    }
    if (parsed.kind === 'verify') {
      const root = verifyRoot(io.cwd, parsed.directory);
      if (!existsSync(path.join(root, 'pyproject.toml'))) {
        throw new UsageError(`verify: ${root} has no pyproject.toml: give the folder of a generated project`);
      }
      return await runVerify(out, root, controller.signal);
    }
    const { run } = parsed;
    const ciSet = io.env.CI !== undefined && !['', '0', 'false'].includes(io.env.CI.toLowerCase());
    const interactive = io.stdinIsTTY && Boolean(io.stdout.isTTY) && !ciSet && !run.yes;

    // 1. Resolve the answers: defaults < answers file < flags < prompts.
    const file = run.answersFile ? await readAnswersFile(path.resolve(io.cwd, run.answersFile)) : {};
    const answers = await resolveAnswers({
      flags: parsed.flags,
      file,
      ...(parsed.directory !== undefined ? { defaults: { projectName: projectNameFromDirectory(path.resolve(io.cwd, parsed.directory)) } } : {}),
      ...(interactive ? { ask: askInTerminal } : {}),
      askAdvanced: run.advanced,
      context: { gitUser: await gitUser(io.cwd) },
    });
    const directory = parsed.directory ?? answers.projectName;
    throwIfCancelled(controller.signal);

    // 2. Say what will happen, as a command that reproduces it.
    out.line(out.color.dim(`$ ${equivalentCommand(directory, answers)}`));

    // 3. Plan, write and run the post steps.
    const pauseMs = Number(io.env.CREATE_ML_PROD_TEST_PAUSE_MS ?? 0) || 0;
    const result = await createProject({
      directory,
      answers: answers as Partial<Answers>,
      cwd: io.cwd,
      force: run.force,
      conflict: run.conflict ?? (interactive ? askConflict : 'abort'),
      dryRun: run.dryRun,
      git: run.git,
      install: run.install,
      signal: controller.signal,
      pauseMs,
      onEvent: (event) => report(out, event),
    });
    finish(out, result, io.cwd);
    if (run.verify && !result.dryRun) return await runVerify(out, result.root, controller.signal);
    return ExitCode.ok;
  } catch (error) {
    return fail(out, error);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new CancelledError();
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
  out.success(`Created ${result.plan.answers.projectName} in ${path.relative(cwd, result.root) || '.'} (${written} files)`);
  if (result.git === 'initialised') out.success('Initialised a git repository with an initial commit');
  if (result.git === 'inside-work-tree') out.step('Inside an existing git work tree: git init skipped');
  if (result.installed) out.success('Installed the project into .venv');
  printNextSteps(out, result, cwd);
}

function fail(out: Output, error: unknown): number {
  if (error instanceof ExitPromptError || error instanceof CancelledError) {
    out.error(error instanceof CancelledError ? error.message : 'Cancelled.');
    return ExitCode.cancelled;
  }
  if (error instanceof UsageError) {
    out.error(error.message);
    return ExitCode.usage;
  }
  if (error instanceof StepError) {
    out.error(error.message);
    if (error.detail) out.line(out.color.dim(error.detail));
    return ExitCode.failure;
  }
  out.error(`unexpected failure: ${error instanceof Error ? error.message : String(error)}`);
  return exitCodeOf(error);
}
