/** @import { Contender, Project } from './types.js' */
import { interleave } from './interleave.mjs';

/**
 * What one Python process of the generated project pays before its first line of work: the
 * interpreter alone, scikit-learn's import (SciPy and pandas come with it), and the package's
 * command line. Interleaved rounds after a warm-up round, whole processes, as the tests' job and
 * CLI processes start.
 * @param {Project} project
 * @param {Record<string, string>} env
 * @param {number} rounds
 * @returns {{ python: number, sklearn: number, run: number }} median milliseconds (NaN for a failed import)
 */
export function measureImports(project, env, rounds = 3) {
  const code = { python: '0', sklearn: 'import sklearn', run: `import ${project.packageName}.run` };
  /** @type {Contender[]} */
  const contenders = Object.entries(code).map(([name, source]) => ({
    name,
    prepare: () => ({ file: project.python, args: ['-c', source], cwd: project.root }),
  }));
  const { stats } = interleave(contenders, { runs: rounds, budgetMs: 120_000, env });
  const ms = (/** @type {string} */ name) => stats.get(name)?.median ?? Number.NaN;
  return { python: ms('python'), sklearn: ms('sklearn'), run: ms('run') };
}
