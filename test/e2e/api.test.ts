import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../helpers/cli.js';
import type * as Api from '../../src/index.js';

// The published entry point, as a user imports it.
const api = (await import(path.join(repoRoot, 'dist', 'index.js'))) as typeof Api;

describe('library API', () => {
  it('createProject returns the plan and writes it', async () => {
    const cwd = tempDir();
    const result = await api.createProject({ directory: 'lib-made', cwd, git: false, answers: { task: 'regression' } });
    expect(result.plan.answers.task).toBe('regression');
    expect(result.plan.files.map((f) => f.path)).toContain('README.md');
    expect(existsSync(path.join(cwd, 'lib-made', 'README.md'))).toBe(true);
  });

  it('a dry run returns the plan and writes nothing', async () => {
    const cwd = tempDir();
    const result = await api.createProject({ directory: 'planned', cwd, dryRun: true });
    expect(result.dryRun).toBe(true);
    expect(result.actions.every((a) => a.action === 'create')).toBe(true);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('rejects bad answers with a UsageError', async () => {
    await expect(
      api.createProject({ directory: 'x', cwd: tempDir(), answers: { license: 'WTFPL' as never } }),
    ).rejects.toBeInstanceOf(api.UsageError);
  });
});

