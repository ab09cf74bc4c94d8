/**
 * A package named both in `dependencies` and in an extra with another bound makes Poetry lock two
 * versions, one per `extra == "jobs"` marker, and `poetry install --extras jobs` then wrote both
 * into one site-packages (pandas 2 over pandas 3: `import pandas` failed in CI's pair-05). Serving
 * must also run the pandas the model was trained with. So an extra never repeats a core package.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAnswers } from '../../src/options/resolveAnswers.js';
import { buildPlan } from '../../src/plan/buildPlan.js';
import { repoRoot } from '../helpers/cli.js';

const combinations: Record<string, Record<string, unknown>> = {
  default: {},
  spark: { batchEngine: 'spark', tracker: 'mlflow', scheduler: 'airflow' },
  dask: { batchEngine: 'dask', scheduler: 'prefect', depsManager: 'poetry' },
  largest: { batchEngine: 'spark', tracker: 'mlflow', scheduler: 'prefect', dataLoaders: ['csv', 'parquet', 'sql'] },
};

/** The distribution names in one TOML array of requirement strings. */
const names = (block: string) => [...block.matchAll(/^\s*"([A-Za-z0-9_.-]+)/gm)].map((m) => m[1]!.toLowerCase().replace(/[-_.]+/g, '-'));

describe('an extra never repeats a core dependency', () => {
  it.each(Object.entries(combinations))('%s', async (_name, answers) => {
    const resolved = await resolveAnswers({ file: { projectName: 'extras-demo', ...answers } });
    const plan = buildPlan({ answers: resolved, templatesRoot: path.join(repoRoot, 'templates'), generatorVersion: 'test' });
    const pyproject = plan.files.find((f) => f.path === 'pyproject.toml')!.content.toString('utf8');
    const core = names(/^dependencies = \[\n([\s\S]*?)^\]/m.exec(pyproject)![1]!);
    expect(core).toContain('pandas');
    const extras = /^\[project\.optional-dependencies\]\n([\s\S]*?)^\[/m.exec(pyproject)![1]!;
    for (const m of extras.matchAll(/^(\w+) = \[\n([\s\S]*?)^\]/gm)) {
      const repeated = names(m[2]!).filter((n) => core.includes(n));
      expect(repeated, `extra ${m[1]}`).toEqual([]);
    }
  });
});
