import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Journal } from '../fs/journal.js';
import type { Answers } from '../options/schema.js';
import { StepError } from '../errors.js';
import { environmentSteps, lockFiles } from './environmentSteps.js';
import { onPath } from './onPath.js';
import { runStep } from './run.js';

export interface InstallCommand {
  readonly what: string;
  readonly file: string;
  readonly args: readonly string[];
  /** The dependency manager the command needs on PATH. */
  readonly required?: string;
  /** A lock step: left out when this file already exists. */
  readonly writes?: string;
}

/** The commands that create the project's environment with its own manager: a `.venv` with the package and its dev tools. */
export function installCommands(answers: Answers, python = 'python3'): InstallCommand[] {
  return environmentSteps(answers, python)
    .filter((step) => step.id !== 'environment')
    .map(({ title, args: [file, ...args], required, writes }) => ({
      what: title,
      file: file as string,
      args,
      ...(required ? { required } : {}),
      ...(writes ? { writes } : {}),
    }));
}

/**
 * Runs the install, which writes the lock when the project has none (uv.lock, poetry.lock or
 * requirements/*.txt); the new `.venv` is journaled, so a failed install leaves nothing behind.
 */
export async function installEnvironment(input: {
  root: string;
  answers: Answers;
  journal: Journal;
  python?: string;
  signal?: AbortSignal;
  onStep?: (what: string) => void;
}): Promise<void> {
  // .venv and the lock files the install writes go again when it fails.
  for (const made of ['.venv', ...lockFiles(input.answers.depsManager)]) {
    const absolute = path.join(input.root, made);
    if (!existsSync(absolute)) input.journal.tree(absolute);
  }
  for (const command of installCommands(input.answers, input.python)) {
    if (command.writes && existsSync(path.join(input.root, command.writes))) continue;
    input.onStep?.(command.what);
    if (command.required && !onPath(command.required, process.env.PATH)) {
      throw new StepError(`${command.required} is not installed: pip install ${command.required}`);
    }
    const file = command.file.startsWith('.venv') ? path.join(input.root, command.file) : command.file;
    await runStep(command.what, file, command.args, { cwd: input.root, ...(input.signal ? { signal: input.signal } : {}) });
  }
}
