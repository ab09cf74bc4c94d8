import path from 'node:path';
import { toolVersions } from '../components/pythonComponent.js';
import { depsFeatures } from '../features/deps/depsFeatures.js';
import type { Answers } from '../options/schema.js';

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

/** The lock of each dependency manager (conda: its pip part), the project's file to commit. */
export function lockFiles(depsManager: Answers['depsManager']): string[] {
  return [...depsFeatures[depsManager].lockFiles];
}

const venvBin = (tool: string) => path.join('.venv', 'bin', tool);

type DepsManager = Answers['depsManager'];
type StepsInput = Pick<Answers, 'pythonVersion' | 'projectName'>;

const venvStep = (python: string): EnvStep => ({ id: 'venv', title: 'create .venv', args: [python, '-m', 'venv', '.venv'] });
const pipStep = (what: string[], id: EnvStep['id'] = 'install'): EnvStep => ({ id, title: `pip install ${what.join(' ')}`, args: [venvBin('python'), '-m', 'pip', 'install', '--quiet', ...what] });

/** pip and conda's pip part: the hashed pins, then the package itself against them only (offline), as `make install` does. */
function hashedSteps(answers: StepsInput): EnvStep[] {
  const compile = (name: string): EnvStep => ({
    id: 'lock',
    title: `uv pip compile --generate-hashes requirements/${name}.in`,
    args: [venvBin('uv'), 'pip', 'compile', '--quiet', '--generate-hashes', '--python-version', answers.pythonVersion, '--no-emit-package', answers.projectName, '-o', `requirements/${name}.txt`, `requirements/${name}.in`],
    writes: 'requirements/dev.txt',
  });
  return [
    { ...pipStep([`uv==${toolVersions.uvVersion}`], 'lock'), writes: 'requirements/dev.txt' },
    compile('default'),
    compile('dev'),
    pipStep(['--require-hashes', '-r', 'requirements/dev.txt']),
    pipStep(['--no-index', '--no-build-isolation', '--editable', '.[dev]']),
  ];
}

/**
 * How each manager creates `.venv` and installs the package with its dev tools, from the lock
 * (written first when missing, as `make install` does outside CI). Every manager ends with a
 * `.venv` in the project (uv always, Poetry through poetry.toml), so later checks share it.
 * `uv sync` and `poetry install` write a missing uv.lock or poetry.lock themselves; pip and
 * conda's pip part compile requirements/*.in into hashed pins with uv. Conda itself is not
 * installed here: its environment.yml is validated and its pip part goes into `.venv` with pip.
 * Keyed by the schema's choices: a dependency manager without its entry does not compile.
 */
export const managerSteps: Record<DepsManager, (python: string, answers: StepsInput) => EnvStep[]> = {
  uv: (python) => [
    { id: 'venv', title: 'uv venv', args: ['uv', 'venv', '--quiet', '--python', python, '.venv'], required: 'uv' },
    { id: 'install', title: 'uv sync --extra dev --compile-bytecode', args: ['uv', 'sync', '--quiet', '--extra', 'dev', '--compile-bytecode'], required: 'uv' },
  ],
  poetry: (python) => [
    venvStep(python),
    { id: 'install', title: 'poetry install --compile --extras dev', args: ['poetry', 'install', '--no-interaction', '--compile', '--extras', 'dev'], required: 'poetry' },
  ],
  pip: (python, answers) => [venvStep(python), ...hashedSteps(answers)],
  conda: (python, answers) => [
    venvStep(python),
    ...hashedSteps(answers),
    { id: 'environment', title: 'validate environment.yml', args: [venvBin('python'), '-c', CONDA_ENV_CHECK, answers.pythonVersion] },
  ],
};

export function environmentSteps(answers: Pick<Answers, 'depsManager' | 'pythonVersion' | 'projectName'>, python: string): EnvStep[] {
  return managerSteps[answers.depsManager](python, answers);
}

/** Validates environment.yml with the project's PyYAML: what `conda env create` relies on. */
const CONDA_ENV_CHECK = `
import sys, yaml
env = yaml.safe_load(open("environment.yml", encoding="utf-8"))
want = "python=" + sys.argv[1]
deps = env.get("dependencies") or []
pip = [d for d in deps if isinstance(d, dict) and "pip" in d]
problems = [
    *([] if isinstance(env.get("name"), str) and env["name"] else ["no name"]),
    *([] if "conda-forge" in (env.get("channels") or []) else ["conda-forge is not a channel"]),
    *([] if want in deps else [want + " is not a dependency"]),
    *([] if "pip" in deps else ["pip is not a dependency"]),
    *([] if pip and pip[0]["pip"] else ["no pip section"]),
]
sys.exit("environment.yml: " + "; ".join(problems) if problems else 0)
`;
