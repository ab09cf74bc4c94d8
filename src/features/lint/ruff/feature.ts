import type { LintFeature } from '../lintFeature.js';

/** ruff: lint and format in one tool, configured in pyproject.toml. */
export const ruffFeature: LintFeature = {
  id: 'ruff',
  templateData: {
    lintLinters: 'ruff',
    lintFormatters: 'ruff',
    lintCheckCommand: 'ruff check .',
    lintHooks: 'ruff, ruff-format',
    lintEnvHook: '',
  },
};
