/**
 * `add <component>` on a minimal project gives exactly the project that would have been
 * generated with that component from the start (so it passes the same checks the pairwise
 * smoke proves for generated projects), byte for byte, record included.
 */
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addableComponents } from '../../src/update/addable.js';
import { flagName } from '../../src/options/optionTypes.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { snapshotTree } from '../helpers/tree.js';

const minimal = ['--no-service', '--no-jobs', '--no-lifecycle', '--strategies', 'batch', '--no-notebooks', '--no-docker', '--ci', 'none', '--no-precommit', '--model-families', 'boosting', '--data-loaders', 'csv'];

function flagsOf(change: Readonly<Record<string, unknown>>): string[] {
  return Object.entries(change).flatMap(([id, value]) =>
    typeof value === 'boolean' ? [value ? `--${flagName(id)}` : `--no-${flagName(id)}`] : [`--${flagName(id)}`, Array.isArray(value) ? value.join(',') : String(value)],
  );
}

describe('add each component', () => {
  let base: string;
  let addable: ReturnType<typeof addableComponents>;

  beforeAll(async () => {
    const cwd = tempDir('cmp-add-');
    expect((await runCli(['lean', '--yes', ...minimal], { cwd })).exitCode).toBe(0);
    base = path.join(cwd, 'lean');
    addable = addableComponents(JSON.parse(readFileSync(path.join(base, '.create-ml-prod.json'), 'utf8')).answers);
  });

  it('offers the components that are off', () => {
    expect(addable.map((a) => a.name)).toEqual(expect.arrayContaining(['rule_based', 'ensemble', 'sql', 'mlflow', 'service', 'jobs', 'notebooks', 'docker', 'precommit']));
  });

  it('gives the project that generation with the component would give', async () => {
    for (const item of addable) {
      const work = tempDir('cmp-add-one-');
      const project = path.join(work, 'lean');
      cpSync(base, project, { recursive: true });
      const added = await runCli(['add', item.name], { cwd: project });
      const fresh = tempDir('cmp-add-fresh-');
      const generated = await runCli(['lean', '--yes', ...minimal, ...flagsOf(item.change)], { cwd: fresh });
      if (generated.exitCode === 2) {
        // A combination generation refuses (CI without Docker, a scheduler without jobs): add
        // refuses it too, with the reason, and changes nothing.
        expect(added.exitCode, `${item.name}: ${added.stdout}${added.stderr}`).toBe(2);
        expect(added.stderr.trim().split('\n').at(-1)).toMatch(/: (keep|add|choose) /);
        expect(snapshotTree(project, ['.git']), item.name).toEqual(snapshotTree(base, ['.git']));
        continue;
      }
      expect(added.exitCode, `${item.name}: ${added.stdout}${added.stderr}`).toBe(0);
      expect(generated.exitCode, generated.stderr).toBe(0);
      expect(snapshotTree(project, ['.git']), item.name).toEqual(snapshotTree(path.join(fresh, 'lean'), ['.git']));
    }
  }, 300_000);
});
