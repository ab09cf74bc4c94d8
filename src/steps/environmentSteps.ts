import path from 'node:path';
import type { Answers } from '../options/schema.js';

/** One step that makes the project's environment (`.venv`), with the project's own dependency manager. */
export interface EnvStep {
  readonly id: 'venv' | 'install' | 'environment';
  readonly title: string;
  /** Executable and arguments; `.venv/...` executables resolve inside the project. */
  readonly args: readonly string[];
  /** A tool the step cannot run without: its absence fails the step with how to install it. */
  readonly required?: string;
}

const venvBin = (tool: string) => path.join('.venv', 'bin', tool);

/**
 * How each manager creates `.venv` and installs the package with its dev tools. Every manager ends
 * with a `.venv` in the project (uv always, Poetry through poetry.toml), so later checks share it.
 * Conda itself is not installed here: its environment.yml is validated and its pip part (the
 * package and dev tools) goes into `.venv` with pip.
 */
export function environmentSteps(answers: Pick<Answers, 'depsManager' | 'pythonVersion'>, python: string): EnvStep[] {
  const venv: EnvStep = { id: 'venv', title: 'create .venv', args: [python, '-m', 'venv', '.venv'] };
  const pip = (what: string[]): EnvStep => ({ id: 'install', title: `pip install ${what.join(' ')}`, args: [venvBin('python'), '-m', 'pip', 'install', '--quiet', ...what] });
  switch (answers.depsManager) {
    case 'uv':
      return [
        { id: 'venv', title: 'uv venv', args: ['uv', 'venv', '--quiet', '--python', python, '.venv'], required: 'uv' },
        { id: 'install', title: 'uv sync --extra dev --compile-bytecode', args: ['uv', 'sync', '--quiet', '--extra', 'dev', '--compile-bytecode'], required: 'uv' },
      ];
    case 'poetry':
      return [venv, { id: 'install', title: 'poetry install --compile --extras dev', args: ['poetry', 'install', '--no-interaction', '--compile', '--extras', 'dev'], required: 'poetry' }];
    case 'pip':
      return [venv, pip(['-r', 'requirements/dev.txt'])];
    default:
      return [
        venv,
        pip(['-e', '.[dev]']),
        { id: 'environment', title: 'validate environment.yml', args: [venvBin('python'), '-c', CONDA_ENV_CHECK, answers.pythonVersion] },
      ];
  }
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
