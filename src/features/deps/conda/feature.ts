import type { DepsFeature } from '../depsFeature.js';
import { hashedSteps, venvBin, venvStep } from '../envSteps.js';

/** conda: environment.yml, its pip part the hashed pins of requirements/*.txt. */
export const condaFeature: DepsFeature = {
  id: 'conda',
  lockFiles: ['requirements/default.txt', 'requirements/jobs.txt', 'requirements/dev.txt'],
  // Conda itself is not installed here: environment.yml is validated and its pip part goes into .venv with pip.
  installSteps: (python, answers) => [
    venvStep(python),
    ...hashedSteps(answers),
    { id: 'environment', title: 'validate environment.yml', args: [venvBin('python'), '-c', CONDA_ENV_CHECK, answers.pythonVersion] },
  ],
};

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
