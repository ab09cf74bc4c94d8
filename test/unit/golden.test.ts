/**
 * Golden snapshots of a few named combinations: a template change shows up as a reviewable diff
 * of test/golden/<name>.txt. Update them on purpose with `npx vitest run test/unit/golden.test.ts -u`.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAnswers } from '../../src/options/resolveAnswers.js';
import { buildPlan } from '../../src/plan/buildPlan.js';
import { repoRoot } from '../helpers/cli.js';

const named: Record<string, Record<string, unknown>> = {
  default: {},
  'poetry-classic-gitlab-regression': { depsManager: 'poetry', lintStack: 'classic', ci: 'gitlab', task: 'regression', license: 'Apache-2.0' },
  'pip-minimal-none': { depsManager: 'pip', typeCheck: false, ci: 'none', docker: false, service: false, jobs: false, notebooks: false, precommit: false, modelFamilies: ['boosting'], dataLoaders: ['csv'] },
  'conda-azure-sql-mlflow': { depsManager: 'conda', ci: 'azure', dataLoaders: ['csv', 'sql'], tracker: 'mlflow', license: 'Proprietary' },
};

describe('golden snapshots', () => {
  it.each(Object.entries(named))('%s', async (name, answers) => {
    const resolved = await resolveAnswers({
      file: { projectName: 'golden-demo', author: 'Golden Team', email: 'golden@example.com', year: '2026', ...answers },
    });
    const plan = buildPlan({ answers: resolved, templatesRoot: path.join(repoRoot, 'templates'), generatorVersion: 'golden' });
    const text = plan.files
      .filter((f) => !/\.(csv|ipynb)$/.test(f.path))
      .map((f) => `==== ${f.path} (${f.mode.toString(8)})\n${f.content.toString('utf8')}`)
      .join('\n');
    await expect(text).toMatchFileSnapshot(path.join(repoRoot, 'test', 'golden', `${name}.txt`));
  });
});
