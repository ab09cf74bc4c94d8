import path from 'node:path';
import type { Answers } from '../options/schema.js';

const venvBin = (tool: string) => path.join('.venv', 'bin', tool);

export interface LintCheck {
  readonly id: string;
  readonly title: string;
  readonly args: readonly string[];
}

/** The project's lint and format checks, per lint stack (keyed by the schema's choices: a stack without its checks does not compile). */
export const stackChecks: Record<Answers['lintStack'], readonly LintCheck[]> = {
  ruff: [
    { id: 'lint', title: 'ruff check', args: [venvBin('ruff'), 'check', '.'] },
    { id: 'format', title: 'ruff format --check', args: [venvBin('ruff'), 'format', '--check', '.'] },
  ],
  classic: [
    { id: 'lint', title: 'flake8', args: [venvBin('flake8'), '.'] },
    { id: 'pylint', title: 'pylint (fail-under in pyproject.toml)', args: [venvBin('pylint'), 'src', 'tests', 'scripts', 'build.py'] },
    { id: 'format', title: 'black --check', args: [venvBin('black'), '--check', '--quiet', '.'] },
    { id: 'isort', title: 'isort --check-only', args: [venvBin('isort'), '--check-only', '--quiet', '.'] },
  ],
};

export function lintChecks(answers: Pick<Answers, 'lintStack'>): LintCheck[] {
  return [...stackChecks[answers.lintStack]];
}
