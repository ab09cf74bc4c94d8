import path from 'node:path';
import type { Answers } from '../../options/schema.js';
import { toolVersions } from './toolVersions.js';

/** One step that makes the project's environment (`.venv`), with the project's own dependency manager. */
export interface EnvStep {
  readonly id: 'venv' | 'lock' | 'install' | 'environment';
  readonly title: string;
  /** Executable and arguments; `.venv/...` executables resolve inside the project. */
  readonly args: readonly string[];
  /** A tool the step cannot run without: its absence fails the step with how to install it. */
  readonly required?: string;
  /** A lock step: runs only while this file (the lock it writes) is missing. */
  readonly writes?: string;
}

/** What the install steps depend on besides the Python interpreter. */
export type StepsInput = Pick<Answers, 'pythonVersion' | 'projectName'>;

export const venvBin = (tool: string) => path.join('.venv', 'bin', tool);

export const venvStep = (python: string): EnvStep => ({ id: 'venv', title: 'create .venv', args: [python, '-m', 'venv', '.venv'] });

const pipStep = (what: string[], id: EnvStep['id'] = 'install'): EnvStep => ({ id, title: `pip install ${what.join(' ')}`, args: [venvBin('python'), '-m', 'pip', 'install', '--quiet', ...what] });

/** pip and conda's pip part: the hashed pins, then the package itself against them only (offline), as `make install` does. */
export function hashedSteps(answers: StepsInput): EnvStep[] {
  const compile = (name: string): EnvStep => ({
    id: 'lock',
    title: `uv pip compile --generate-hashes requirements/${name}.in`,
    args: [venvBin('uv'), 'pip', 'compile', '--quiet', '--generate-hashes', '--python-version', answers.pythonVersion, '--no-emit-package', answers.projectName, '-o', `requirements/${name}.txt`, `requirements/${name}.in`],
    writes: 'requirements/dev.txt',
  });
  return [
    { ...pipStep([`uv==${toolVersions.uvVersion}`], 'lock'), writes: 'requirements/dev.txt' },
    compile('jobs'),
    compile('default'),
    compile('dev'),
    pipStep(['--require-hashes', '-r', 'requirements/dev.txt']),
    pipStep(['--no-index', '--no-build-isolation', '--editable', '.[dev,jobs]']),
  ];
}
