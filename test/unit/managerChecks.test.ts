import { describe, expect, it } from 'vitest';
import { installCommands } from '../../src/steps/install.js';
import type { Answers } from '../../src/options/schema.js';
import { projectChecks } from '../../src/verify/checks.js';
import { environmentSteps } from '../../src/steps/environmentSteps.js';
import { lintChecks } from '../../src/verify/lintChecks.js';

const answers = (extra: Partial<Answers>) => ({ depsManager: 'uv', lintStack: 'ruff', typeCheck: true, pythonVersion: '3.11', ...extra }) as Answers;

describe('the project is installed and linted with its own tools', () => {
  it('installs with each manager', () => {
    const install = (depsManager: Answers['depsManager']) => environmentSteps(answers({ depsManager }), 'python3').find((s) => s.id === 'install');
    expect(install('uv')).toMatchObject({ args: ['uv', 'sync', '--quiet', '--extra', 'dev', '--extra', 'jobs', '--compile-bytecode'], required: 'uv' });
    expect(install('poetry')).toMatchObject({ args: ['poetry', 'install', '--no-interaction', '--compile', '--extras', 'dev jobs'], required: 'poetry' });
    expect(install('pip')?.args).toEqual(expect.arrayContaining(['--require-hashes', 'requirements/dev.txt']));
    expect(environmentSteps(answers({ depsManager: 'conda' }), 'python3').map((s) => s.id)).toEqual(['venv', 'lock', 'lock', 'lock', 'lock', 'install', 'install', 'environment']);
  });

  it('pip and conda compile hashed pins when the lock is missing, then install the package offline against them', () => {
    const steps = environmentSteps(answers({ depsManager: 'pip', projectName: 'demo' }), 'python3');
    const locks = steps.filter((s) => s.id === 'lock');
    expect(locks.every((s) => s.writes === 'requirements/dev.txt')).toBe(true);
    expect(locks.map((s) => s.args.at(-1))).toEqual(['uv==0.13.9', 'requirements/jobs.in', 'requirements/default.in', 'requirements/dev.in']);
    expect(locks[1]?.args).toEqual(expect.arrayContaining(['--generate-hashes', '--no-emit-package', 'demo']));
    expect(steps.at(-1)?.args).toEqual(expect.arrayContaining(['--no-index', '--no-build-isolation', '.[dev,jobs]']));
  });

  it('--install runs the same commands, without the conda file check', () => {
    expect(installCommands(answers({ depsManager: 'uv' })).map((c) => c.file)).toEqual(['uv', 'uv']);
    expect(installCommands(answers({ depsManager: 'conda' }))).toHaveLength(7);
  });

  it('lints with the chosen stack and type-checks only when asked', () => {
    expect(lintChecks(answers({})).map((c) => c.title)).toEqual(['ruff check', 'ruff format --check']);
    expect(lintChecks(answers({ lintStack: 'classic' })).map((c) => c.id)).toEqual(['lint', 'pylint', 'format', 'isort']);
    const ids = (typeCheck: boolean) => projectChecks('python3', answers({ typeCheck })).map((c) => c.id);
    expect(ids(true)).toContain('typecheck');
    expect(ids(false)).not.toContain('typecheck');
  });
});
