/** @import { Project } from './types.js' */
import { median } from './median.mjs';
import { timeCommand } from './timeCommand.mjs';

/**
 * What one Python process of the generated project pays before its first line of work: the
 * interpreter alone, scikit-learn's import (SciPy and pandas come with it), and the package's
 * command line. Interleaved rounds, whole processes, as the tests' job and CLI processes start.
 * @param {Project} project
 * @param {Record<string, string>} env
 * @param {number} rounds
 * @returns {{ python: number, sklearn: number, run: number }} median milliseconds
 */
export function measureImports(project, env, rounds = 3) {
  const commands = {
    python: ['-c', '0'],
    sklearn: ['-c', 'import sklearn'],
    run: ['-c', `import ${project.packageName}.run`],
  };
  /** @type {Record<keyof typeof commands, number[]>} */
  const samples = { python: [], sklearn: [], run: [] };
  const keys = /** @type {(keyof typeof commands)[]} */ (Object.keys(commands));
  // The first round fills the page cache and is not counted.
  for (let round = 0; round <= rounds; round += 1) {
    for (const key of keys) {
      const result = timeCommand(project.python, commands[key], { cwd: project.root, env });
      if (round > 0 && result.ok) samples[key].push(result.ms);
    }
  }
  return { python: median(samples.python), sklearn: median(samples.sklearn), run: median(samples.run) };
}
