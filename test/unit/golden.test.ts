/**
 * Golden snapshots of a few named combinations: a template change shows up as a reviewable diff
 * of test/golden/<name>.txt. Update them on purpose with `npx vitest run test/unit/golden.test.ts -u`.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAnswers } from '../../src/options/resolveAnswers.js';
import { buildPlan } from '../../src/plan/buildPlan.js';
import { repoRoot } from '../helpers/cli.js';
import { problemsIn } from '../helpers/parseOutputs.js';

const named: Record<string, Record<string, unknown>> = {
  default: {},
  'poetry-classic-gitlab-regression': { depsManager: 'poetry', lintStack: 'classic', ci: 'gitlab', task: 'regression', license: 'Apache-2.0' },
  'pip-minimal-none': { depsManager: 'pip', typeCheck: false, ci: 'none', docker: false, service: false, jobs: false, notebooks: false, precommit: false, modelFamilies: ['boosting'], dataLoaders: ['csv'] },
  'conda-azure-sql-mlflow': { depsManager: 'conda', ci: 'azure', dataLoaders: ['csv', 'sql'], tracker: 'mlflow', license: 'Proprietary' },
};

const DATA_FILE = /\.(csv|ipynb)$/;

/** Fields of a CSV row; a quoted field may hold commas ("1,357.76"). */
function fieldCount(row: string): number {
  return row.replace(/"(?:[^"]|"")*"/g, 'q').split(',').length;
}

describe('golden snapshots', () => {
  it.each(Object.entries(named))('%s', async (name, answers) => {
    const resolved = await resolveAnswers({
      file: { projectName: 'golden-demo', author: 'Golden Team', email: 'golden@example.com', year: '2026', ...answers },
    });
    const plan = buildPlan({ answers: resolved, templatesRoot: path.join(repoRoot, 'templates'), generatorVersion: 'golden' });
    // Data files (sample CSVs, the notebook) are left out of the snapshot; they are there, and parse.
    const data = plan.files.filter((f) => DATA_FILE.test(f.path));
    expect(data.length).toBeGreaterThan(0);
    expect(problemsIn(data.map((f) => [f.path, f.content.toString('utf8')] as const))).toEqual([]);
    for (const csv of data.filter((f) => f.path.endsWith('.csv'))) {
      const rows = csv.content.toString('utf8').trimEnd().split('\n');
      const columns = fieldCount(rows[0]!);
      expect(rows.length, csv.path).toBeGreaterThan(1);
      expect(rows.filter((row) => fieldCount(row) !== columns), csv.path).toEqual([]);
    }
    const text = plan.files
      .filter((f) => !DATA_FILE.test(f.path))
      .map((f) => `==== ${f.path} (${f.mode.toString(8)})\n${f.content.toString('utf8')}`)
      .join('\n');
    await expect(text).toMatchFileSnapshot(path.join(repoRoot, 'test', 'golden', `${name}.txt`));
  });
});
