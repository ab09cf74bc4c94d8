import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { resolveAnswers } from '../../src/options/resolveAnswers.js';

const context = { gitUser: { name: 'Git User', email: 'git@example.com' }, year: 2030 };

describe('answer precedence: defaults < answers file < flags < prompts', () => {
  it('uses defaults for what nobody gave', async () => {
    const answers = await resolveAnswers({ defaults: { projectName: 'demo' }, context });
    expect(answers).toEqual({
      projectName: 'demo',
      packageName: 'demo',
      description: 'A production ML project.',
      author: 'Git User',
      email: 'git@example.com',
      license: 'MIT',
      year: '2030',
      pythonVersion: '3.11',
      depsManager: 'uv',
      lintStack: 'ruff',
      typeCheck: true,
      task: 'classification',
      modelFamilies: ['rule_based', 'regression', 'ensemble', 'boosting'],
      dataLoaders: ['csv', 'parquet'],
      tracker: 'none',
      ci: 'github',
      service: true,
      jobs: true,
      notebooks: true,
      docker: true,
      precommit: true,
      lifecycle: true,
      volume: 'unanswered',
      stakeholders: '',
      churn: 'unanswered',
      sla: 'unanswered',
      consumer: 'unanswered',
      stateful: 'unanswered',
      degradation: 'unanswered',
      frequency: 'unanswered',
      strategies: ['batch', 'rest'],
      batchEngine: 'pandas',
      scheduler: 'none',
    });
  });

  it('lets the answers file override defaults and flags override the file', async () => {
    const answers = await resolveAnswers({
      defaults: { projectName: 'from-dir' },
      file: { projectName: 'from-file', license: 'Apache-2.0', task: 'regression' },
      flags: { license: 'BSD-3-Clause' },
      context,
    });
    expect(answers.projectName).toBe('from-file');
    expect(answers.packageName).toBe('from_file');
    expect(answers.task).toBe('regression');
    expect(answers.license).toBe('BSD-3-Clause');
  });

  it('asks only for what is still open, and prompt answers win over defaults', async () => {
    const asked: string[] = [];
    const answers = await resolveAnswers({
      flags: { projectName: 'flagged' },
      file: { license: 'MIT' },
      ask: async (option, fallback) => {
        asked.push(option.id);
        return option.id === 'task' ? 'regression' : fallback;
      },
      context,
    });
    expect(asked).not.toContain('projectName');
    expect(asked).not.toContain('license');
    expect(asked).not.toContain('year'); // advanced
    expect(asked).toContain('packageName');
    expect(answers.task).toBe('regression');
  });

  it('normalises the case of choices', async () => {
    const answers = await resolveAnswers({ flags: { projectName: 'x1', license: 'apache-2.0' }, context });
    expect(answers.license).toBe('Apache-2.0');
  });
});

describe('combinations', () => {
  it('rejects what makes no sense, saying why', async () => {
    const error = (file: Record<string, unknown>) => resolveAnswers({ file: { projectName: 'p', ...file }, context }).catch((e: Error) => e.message);
    expect(await error({ dataLoaders: 'parquet' })).toMatch(/--data-loaders: the CSV loader is required/);
    expect(await error({ modelFamilies: [] })).toMatch(/choose at least one model family/);
    expect(await error({ docker: false })).toMatch(/--ci with --docker: .*--ci none/);
    expect(await resolveAnswers({ file: { projectName: 'p', docker: false, ci: 'none' }, context })).toMatchObject({ docker: false });
  });

  it('reads lists from flags as comma-separated values, in schema order', async () => {
    const answers = await resolveAnswers({ flags: { projectName: 'p', modelFamilies: 'boosting,rule_based', dataLoaders: 'sql,csv' }, context });
    expect(answers.modelFamilies).toEqual(['rule_based', 'boosting']);
    expect(answers.dataLoaders).toEqual(['csv', 'sql']);
  });
});

describe('validation', () => {
  const reject = async (input: Parameters<typeof resolveAnswers>[0], message: RegExp) => {
    const error = await resolveAnswers({ context, ...input }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
  };

  it('names the valid choices for a bad value', () =>
    reject({ flags: { projectName: 'p', task: 'clustering' } }, /--task: "clustering" is not one of: classification, regression/));

  it('rejects a bad answers-file value with the key name', () =>
    reject({ file: { projectName: 'p', pythonVersion: '2.7' } }, /answers file "pythonVersion"/));

  it('rejects unknown answers-file keys', () =>
    reject({ file: { projectName: 'p', licence: 'MIT' } }, /unknown key "licence"; valid keys are/));

  it('treats a missing required value as a usage error', () =>
    reject({}, /missing --project-name/));

  it('rejects a package name that shadows the standard library', () =>
    reject({ flags: { projectName: 'p', packageName: 'json' } }, /standard-library module/));

  it('rejects control characters but keeps quotes, backslashes and newlines', async () => {
    await reject({ flags: { projectName: 'p', description: 'bell\u0007' } }, /control character/);
    await reject({ flags: { projectName: 'p', author: 'two\nlines' } }, /single line/);
    const answers = await resolveAnswers({
      flags: { projectName: 'p', description: 'a "quoted" \\ {{x}}\nsecond line' },
      context,
    });
    expect(answers.description).toContain('\n');
  });
});
