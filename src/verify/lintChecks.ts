import path from 'node:path';
import type { Answers } from '../options/schema.js';

const venvBin = (tool: string) => path.join('.venv', 'bin', tool);

/** The project's lint and format checks, with its own stack. */
export function lintChecks(answers: Pick<Answers, 'lintStack'>): { id: string; title: string; args: readonly string[] }[] {
  if (answers.lintStack === 'ruff') {
    return [
      { id: 'lint', title: 'ruff check', args: [venvBin('ruff'), 'check', '.'] },
      { id: 'format', title: 'ruff format --check', args: [venvBin('ruff'), 'format', '--check', '.'] },
    ];
  }
  return [
    { id: 'lint', title: 'flake8', args: [venvBin('flake8'), '.'] },
    { id: 'pylint', title: 'pylint (fail-under in pyproject.toml)', args: [venvBin('pylint'), 'src', 'tests', 'scripts', 'build.py'] },
    { id: 'format', title: 'black --check', args: [venvBin('black'), '--check', '--quiet', '.'] },
    { id: 'isort', title: 'isort --check-only', args: [venvBin('isort'), '--check-only', '--quiet', '.'] },
  ];
}
