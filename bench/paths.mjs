// Where things are, resolved from this file so the bench runs from any working directory.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const paths = {
  repoRoot,
  bin: path.join(repoRoot, 'bin', 'create-ml-prod.js'),
  packageJson: path.join(repoRoot, 'package.json'),
  /** Git-ignored: the bench venv (cookiecutter-data-science, uv) and uv's cache. */
  benchDir: path.join(repoRoot, '.bench'),
  report: path.join(repoRoot, 'docs', 'benchmarks.md'),
};
