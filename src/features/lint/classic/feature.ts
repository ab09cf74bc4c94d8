import type { LintFeature } from '../lintFeature.js';

/** black, isort, flake8 (.flake8) and pylint; pylint runs from the project's environment. */
export const classicFeature: LintFeature = {
  id: 'classic',
  templateData: {
    lintLinters: 'flake8, pylint',
    lintFormatters: 'black, isort',
    lintCheckCommand: 'flake8 .',
    lintHooks: 'isort, black, flake8, pylint',
    lintEnvHook: 'pylint',
  },
};
