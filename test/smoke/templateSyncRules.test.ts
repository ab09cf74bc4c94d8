/**
 * The template-sync job's place in each CI, checked by the providers' own rules: GitLab's
 * pipeline (gitlab-ci-local evaluates the rules) runs the job alone when TEMPLATE_SYNC=1 and
 * never otherwise; Azure's sync pipeline validates against Azure's schema. The job's steps
 * themselves run in test/e2e/templateSync.test.ts.
 */
import { execa } from 'execa';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, runCli, tempDir } from '../helpers/cli.js';
import { smokePath, toolsBin } from './tools.js';

async function generate(ci: string) {
  const cwd = tempDir('cmp-syncrules-');
  const made = await runCli(['sync-demo', '--yes', '--ci', ci], { cwd });
  expect(made.exitCode, made.stderr).toBe(0);
  return path.join(cwd, 'sync-demo');
}

describe('template-sync job rules', () => {
  it('GitLab: a TEMPLATE_SYNC=1 pipeline runs template-sync alone; other pipelines never run it', async () => {
    const root = await generate('gitlab');
    const env = cleanEnv({ PATH: smokePath() });
    const git = (...args: string[]) => execa('git', args, { cwd: root, env, extendEnv: false });
    await git('branch', '-M', 'main');
    await git('remote', 'add', 'origin', 'https://gitlab.example.com/acme/sync-demo.git');
    const jobs = async (...variables: string[]) => {
      const listed = await execa(path.join(toolsBin, 'gitlab-ci-local'), ['--list', ...variables.flatMap((v) => ['--variable', v])], { cwd: root, env, extendEnv: false, reject: false, all: true });
      expect(listed.exitCode, listed.all).toBe(0);
      const table = listed.stdout.split('\n');
      return table.slice(table.findIndex((l) => l.startsWith('name')) + 1).map((l) => l.split(/\s+/)[0]).filter(Boolean);
    };
    expect(await jobs('TEMPLATE_SYNC=1')).toEqual(['template-sync']);
    expect(await jobs()).not.toContain('template-sync');
    await git('switch', '--quiet', '-c', 'feature/x');
    const feature = await jobs();
    expect(feature).toContain('quality');
    expect(feature).not.toContain('template-sync');
    expect(await jobs('TEMPLATE_SYNC=1')).toEqual(['template-sync']);
  });

  it("Azure: the sync pipeline is valid under Azure's schema", async () => {
    const root = await generate('azure');
    const checked = await execa(
      path.join(toolsBin, 'check-jsonschema'),
      ['--builtin-schema', 'vendor.azure-pipelines', '--data-transform', 'azure-pipelines', '--regex-variant', 'nonunicode', '.azure-pipelines/template-sync.yml'],
      { cwd: root, reject: false, all: true },
    );
    expect(checked.exitCode, checked.all).toBe(0);
  });
});
