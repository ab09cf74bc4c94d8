import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Journal } from '../fs/journal.js';
import type { Answers } from '../options/schema.js';
import { runStep } from './run.js';

export interface InstallCommand {
  readonly what: string;
  readonly file: string;
  readonly args: readonly string[];
}

/** The commands that create the project's environment: a `.venv` with the package and its dev tools. */
export function installCommands(answers: Answers, python = 'python3'): InstallCommand[] {
  void answers;
  const venvPython = path.join('.venv', 'bin', 'python');
  return [
    { what: 'create .venv', file: python, args: ['-m', 'venv', '.venv'] },
    { what: 'pip install -e ".[dev]"', file: venvPython, args: ['-m', 'pip', 'install', '--quiet', '-e', '.[dev]'] },
  ];
}

/** Runs the install; the new `.venv` is journaled, so a failed install leaves nothing behind. */
export async function installEnvironment(input: {
  root: string;
  answers: Answers;
  journal: Journal;
  python?: string;
  signal?: AbortSignal;
  onStep?: (what: string) => void;
}): Promise<void> {
  const venv = path.join(input.root, '.venv');
  if (!existsSync(venv)) input.journal.createdTrees.push(venv);
  for (const command of installCommands(input.answers, input.python)) {
    input.onStep?.(command.what);
    const file = command.file.startsWith('.venv') ? path.join(input.root, command.file) : command.file;
    await runStep(command.what, file, command.args, { cwd: input.root, ...(input.signal ? { signal: input.signal } : {}) });
  }
}
