import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** One check of a generated project: a command run in its root. */
export interface Check {
  readonly id: string;
  readonly title: string;
  /** Executable and arguments; `.venv/...` executables resolve inside the project. */
  readonly command: (root: string) => readonly string[] | undefined;
  /** A validator that may be absent from the machine: skipped (and said so) when not on PATH. */
  readonly tool?: string;
}

const venv = (tool: string) => path.join('.venv', 'bin', tool);

function filesUnder(root: string, dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    const abs = path.join(root, rel);
    if (!existsSync(abs)) return;
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!['.venv', '.git', 'node_modules', '.mypy_cache', '.ruff_cache', '.pytest_cache'].includes(entry.name)) walk(child);
      } else if (pattern.test(entry.name)) out.push(child);
    }
  };
  walk(dir);
  return out.sort();
}

/** The project's own checks, with its own tools, then the offline validators of what cannot run here. */
export function projectChecks(python: string): Check[] {
  return [
    { id: 'venv', title: 'create .venv', command: (root) => (existsSync(path.join(root, '.venv')) ? undefined : [python, '-m', 'venv', '.venv']) },
    { id: 'install', title: 'install with dev tools', command: () => [venv('python'), '-m', 'pip', 'install', '--quiet', '-e', '.[dev]'] },
    { id: 'lint', title: 'ruff check', command: () => [venv('ruff'), 'check', '.'] },
    { id: 'format', title: 'ruff format --check', command: () => [venv('ruff'), 'format', '--check', '.'] },
    { id: 'typecheck', title: 'mypy', command: () => [venv('mypy')] },
    { id: 'tests', title: 'unit + integration tests, coverage', command: () => [venv('python'), 'tests/run_tests.py', '--type', 'all'] },
    {
      id: 'wheel',
      title: 'build the wheel',
      // pyproject-build, not `python -m build`: from the project root the latter imports build.py.
      command: (root) => [venv('pyproject-build'), '--wheel', '--outdir', path.join(root, '.venv', 'verify-dist')],
    },
    {
      id: 'hadolint',
      title: 'hadolint (Dockerfiles)',
      tool: 'hadolint',
      command: (root) => nonEmpty(['hadolint', ...filesUnder(root, '', /^Dockerfile/).filter((f) => !f.endsWith('.dockerignore'))]),
    },
    { id: 'shellcheck', title: 'shellcheck (*.sh)', tool: 'shellcheck', command: (root) => nonEmpty(['shellcheck', ...filesUnder(root, '', /\.sh$/)]) },
    {
      id: 'actionlint',
      title: 'actionlint (workflows)',
      tool: 'actionlint',
      command: (root) => nonEmpty(['actionlint', ...filesUnder(root, '.github/workflows', /\.ya?ml$/)]),
    },
    { id: 'bandit', title: 'bandit (medium and high)', tool: 'bandit', command: () => ['bandit', '--quiet', '--recursive', '--severity-level', 'medium', 'src'] },
    { id: 'yamllint', title: 'yamllint', tool: 'yamllint', command: () => ['yamllint', '--strict', '.'] },
    { id: 'pyproject', title: 'validate-pyproject', tool: 'validate-pyproject', command: () => ['validate-pyproject', 'pyproject.toml'] },
  ];
}

/** A command with no files to check is no command. */
function nonEmpty(command: string[]): string[] | undefined {
  return command.length > 1 ? command : undefined;
}
