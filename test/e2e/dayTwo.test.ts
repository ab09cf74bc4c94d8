/**
 * Day two beyond the anchors: check --json and its exit codes, answer migrations, file ownership
 * in the record, new options announced, package renames that keep the user's work, emptied
 * folders removed, adopt on a repository nobody here wrote, and the bad inputs of each.
 */
import { execa } from 'execa';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { updateProject } from '../../src/update/updateProject.js';
import { cleanEnv, repoRoot, runCli, tempDir } from '../helpers/cli.js';
import { simulatedRelease } from '../helpers/releases.js';

const git = (cwd: string, ...args: string[]) => execa('git', args, { cwd, env: cleanEnv(), extendEnv: false });
const read = (...p: string[]) => readFileSync(path.join(...p), 'utf8');
const RECORD = '.create-ml-prod.json';

async function generate(name: string, args: string[] = [], release?: string) {
  const cwd = tempDir();
  const bin = release ? path.join(release, 'bin', 'create-ml-prod.js') : path.join(repoRoot, 'bin', 'create-ml-prod.js');
  const made = await execa(process.execPath, [bin, name, '--yes', ...args], { cwd, env: cleanEnv(), extendEnv: false, stdin: 'ignore', reject: false });
  expect(made.exitCode, made.stderr).toBe(0);
  return path.join(cwd, name);
}

/** Edits the record as a team (or an older version) would have it, and commits. */
async function editRecord(root: string, edit: (record: { answers: Record<string, unknown>; ownership?: unknown }) => void) {
  const record = JSON.parse(read(root, RECORD));
  edit(record);
  writeFileSync(path.join(root, RECORD), `${JSON.stringify(record, null, 2)}\n`);
  await git(root, 'commit', '--quiet', '-am', 'record edited');
}

/** "Nothing changed": the work tree is exactly the last commit. */
async function untouched(root: string) {
  expect((await git(root, 'status', '--porcelain')).stdout).toBe('');
}

describe('day two', () => {
  let prev: string;
  beforeAll(() => {
    prev = simulatedRelease('0.0.1', [
      { file: 'base/README.md.hbs', from: /\n\{\{description\}\}\n/, to: '\n{{description}}\nOLD TAGLINE\n' },
      { file: 'base/CONTRIBUTING.md.hbs', from: /\n/, to: '\nOld onboarding line.\n' },
    ]);
  });

  it('check --json: versions, behind and the files; exit 0 up to date, 5 behind, 2 on a broken record', async () => {
    const fresh = await generate('fresh');
    const ok = await runCli(['check', '--json'], { cwd: fresh });
    expect(ok.exitCode, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ recorded: '0.1.0', current: '0.1.0', behind: false, files: [], edited: [] });

    const stale = await generate('stale', [], prev);
    writeFileSync(path.join(stale, 'Makefile'), `${read(stale, 'Makefile')}# ours\n`);
    const behind = await runCli(['check', '--json'], { cwd: stale });
    expect(behind.exitCode, behind.stderr).toBe(5);
    const report = JSON.parse(behind.stdout);
    expect(report).toMatchObject({ recorded: '0.0.1', current: '0.1.0', behind: true, files: ['CONTRIBUTING.md', 'README.md'], edited: ['Makefile'] });

    writeFileSync(path.join(stale, RECORD), '{"generator": "create-ml-prod"');
    const broken = await runCli(['check', '--json'], { cwd: stale });
    expect(broken.exitCode).toBe(2);
    expect(broken.stdout).toBe('');
    expect(broken.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a record from an older version is migrated by declared migrations (rename option, rename value, remove option)', async () => {
    const root = await generate('migrating', [], prev);
    // How version 0.0.1 "named" things in this test's declared history.
    await editRecord(root, (r) => {
      r.answers.lint = r.answers.lintStack;
      delete r.answers.lintStack;
      r.answers.ci = 'actions';
      r.answers.legacyGpu = true;
    });
    const migrations = [
      { version: '0.0.5', kind: 'rename-option', from: 'lint', to: 'lintStack' },
      { version: '0.0.5', kind: 'rename-value', option: 'ci', from: 'actions', to: 'github' },
      { version: '0.0.9', kind: 'remove-option', option: 'legacyGpu' },
    ] as const;
    const result = await updateProject({ directory: root, previous: prev, migrations });
    expect(result.migrated).toEqual([
      'option "lint" is now "lintStack" (create-ml-prod 0.0.5)',
      'ci: "actions" is now "github" (create-ml-prod 0.0.5)',
      'option "legacyGpu" was removed (create-ml-prod 0.0.9)',
    ]);
    const record = JSON.parse(read(root, RECORD));
    expect(record.version).toBe('0.1.0');
    expect(record.answers.lintStack).toBe('ruff');
    expect(record.answers.ci).toBe('github');
    expect('lint' in record.answers || 'legacyGpu' in record.answers).toBe(false);
    expect(existsSync(path.join(root, '.github', 'workflows', 'ci.yml'))).toBe(true);
    // Version 0.0.1 of this test cannot render the old names (it is today's code): hashes stood in.
    expect(result.exactBase).toBe(false);
    expect(read(root, 'README.md')).not.toContain('OLD TAGLINE');
  });

  it('a record with an unknown answer and no migration: one line, exit 2, nothing changed', async () => {
    const root = await generate('unknown', [], prev);
    await editRecord(root, (r) => {
      r.answers.gpuCount = 4;
    });
    for (const command of [['update', '--previous', prev], ['check'], ['add', 'mlflow', '--previous', prev]]) {
      const result = await runCli(command, { cwd: root });
      expect(result.exitCode, result.stdout).toBe(2);
      expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/unknown answer "gpuCount" \(recorded by create-ml-prod 0\.0\.1\) and no migration for it: .*nothing was changed/)]);
      await untouched(root);
    }
  });

  it('ownership: skip files are never updated, always files are always replaced; update announces new options', async () => {
    const root = await generate('owned', [], prev);
    const readme = read(root, 'README.md');
    writeFileSync(path.join(root, 'CONTRIBUTING.md'), `${read(root, 'CONTRIBUTING.md')}\nTeam note.\n`);
    const makefile = `${read(root, 'Makefile')}# team target\n`;
    writeFileSync(path.join(root, 'Makefile'), makefile);
    // A record from before the scheduler option existed.
    await editRecord(root, (r) => {
      r.ownership = { skip: ['README.md', 'Make*'], always: ['CONTRIBUTING.md'] };
      delete r.answers.scheduler;
    });
    const result = await runCli(['update', '--previous', prev], { cwd: root });
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(read(root, 'README.md')).toBe(readme); // skip: the template's change stays out
    expect(readme).toContain('OLD TAGLINE');
    expect(read(root, 'Makefile')).toBe(makefile);
    expect(read(root, 'CONTRIBUTING.md')).not.toMatch(/Team note|Old onboarding line/); // always: replaced, edit or not
    expect(result.stdout).toMatch(/replaced \(ownership: always\)\s+CONTRIBUTING\.md/);
    expect(result.stdout).toMatch(/new option --scheduler: took its default \(none\); to change it: create-ml-prod update --scheduler <value>/);
    const record = JSON.parse(read(root, RECORD));
    expect(record.ownership).toEqual({ skip: ['README.md', 'Make*'], always: ['CONTRIBUTING.md'] });
    expect(record.answers.scheduler).toBe('none');
    await git(root, 'commit', '--quiet', '-am', 'updated');
    const check = await runCli(['check'], { cwd: root });
    expect(check.exitCode, check.stdout + check.stderr).toBe(0);
  });

  it('a skip glob that matches nothing: one line, exit 2, nothing changed', async () => {
    const root = await generate('typo', [], prev);
    await editRecord(root, (r) => {
      r.ownership = { skip: ['READMEE.md'] };
    });
    for (const command of [['update', '--previous', prev], ['check']]) {
      const result = await runCli(command, { cwd: root });
      expect(result.exitCode).toBe(2);
      expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/the skip glob "READMEE\.md" matches no file of the project: fix or remove it \(nothing was changed\)/)]);
      await untouched(root);
    }
  });

  it('a package rename moves the edited and the added files with the package; emptied folders go', async () => {
    const root = await generate('churn');
    const config = path.join(root, 'src', 'churn', 'config.py');
    writeFileSync(config, `${read(config)}\n# team: threshold tuned on 2024 data\n`);
    mkdirSync(path.join(root, 'src', 'churn', 'features', 'extra'));
    writeFileSync(path.join(root, 'src', 'churn', 'features', 'extra', 'ours.py'), 'VALUE = 1\n');
    await git(root, 'add', '-A');
    await git(root, 'commit', '--quiet', '-m', 'team work');
    // What git ignores is not the team's work: it does not move (and keeps its folder).
    mkdirSync(path.join(root, 'src', 'churn', '__pycache__'));
    writeFileSync(path.join(root, 'src', 'churn', '__pycache__', 'config.cpython-311.pyc'), 'bytecode');
    const result = await runCli(['update', '--package-name', 'attrition', '--ci', 'none'], { cwd: root });
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/moved \(merged\)\s+src\/attrition\/config\.py \(moved from src\/churn\/config\.py\)/);
    const moved = read(root, 'src', 'attrition', 'config.py');
    expect(moved).toContain('# team: threshold tuned on 2024 data');
    expect(moved).not.toMatch(/\bchurn\b/);
    expect(read(root, 'src', 'attrition', 'features', 'extra', 'ours.py')).toBe('VALUE = 1\n');
    // The old package goes, folders and all, but for what git ignores.
    expect(readdirSync(path.join(root, 'src', 'churn'))).toEqual(['__pycache__']);
    expect(existsSync(path.join(root, 'src', 'churn', 'features'))).toBe(false);
    expect(existsSync(path.join(root, 'src', 'attrition', '__pycache__'))).toBe(false);
    expect(result.stdout).not.toMatch(/kept \(no longer generated, edited\)/);
    // --ci none removed every file of .github/: the folders go with them.
    expect(existsSync(path.join(root, '.github'))).toBe(false);
  });

  it('generated pre-commit runs check-merge-conflict with --assume-in-merge, and CI fails on markers', async () => {
    const root = await generate('hooks');
    expect(read(root, '.pre-commit-config.yaml')).toMatch(/- id: check-merge-conflict\n(?:\s+#.*\n)?\s+args: \[--assume-in-merge\]/);
    const clean = await execa('bash', ['scripts/conflict_markers.sh'], { cwd: root, reject: false, all: true });
    expect(clean.exitCode, clean.all).toBe(0);
    writeFileSync(path.join(root, 'Makefile'), `${read(root, 'Makefile')}<<<<<<< yours\nA\n=======\nB\n>>>>>>> create-ml-prod 0.1.0\n`);
    await git(root, 'commit', '--quiet', '-am', 'a conflict committed anyway');
    const red = await execa('bash', ['scripts/conflict_markers.sh'], { cwd: root, reject: false, all: true });
    expect(red.exitCode).toBe(1);
    expect(red.all).toMatch(/Conflict markers remain[\s\S]*Makefile/);
  });
});

describe('adopt', () => {
  const fixture = path.join(repoRoot, 'test', 'fixtures', 'adopt', 'lightning-hydra-template.tar.gz');

  /** ashleve/lightning-hydra-template (MIT), a repository nobody here wrote, committed to git. */
  async function foreignRepo() {
    const cwd = tempDir('cmp-adopt-');
    await execa('tar', ['-xzf', fixture, '-C', cwd]);
    const root = path.join(cwd, 'lightning-hydra-template');
    await git(root, 'init', '--quiet', '--initial-branch=main');
    await git(root, 'add', '-A');
    await git(root, 'commit', '--quiet', '-m', 'upstream bddbc24');
    return root;
  }

  async function snapshot(root: string) {
    const files = (await git(root, 'ls-files')).stdout.split('\n');
    return new Map(files.map((f) => [f, read(root, f)]));
  }

  it('takes over a repository we did not generate; nothing of it changes; then check, update and add work', async () => {
    const root = await foreignRepo();
    const before = await snapshot(root);
    const adopted = await runCli(['adopt', '--yes', '--tracker', 'none', '--ci', 'github'], { cwd: root });
    expect(adopted.exitCode, adopted.stderr).toBe(0);
    expect(adopted.stdout).toMatch(/Adopted .* wrote \.create-ml-prod\.json, nothing else/);
    expect((await git(root, 'status', '--porcelain')).stdout).toBe(`?? ${RECORD}`);
    const record = JSON.parse(read(root, RECORD));
    expect(record.answers).toMatchObject({ projectName: 'lightning-hydra-template', packageName: 'lightning_hydra_template', ci: 'github' });
    // Their files that we would generate differently are theirs: never updated.
    expect(record.ownership.skip).toEqual(expect.arrayContaining(['Makefile', 'README.md', 'pyproject.toml', '.gitignore', '.pre-commit-config.yaml']));
    expect(Object.keys(record.files).every((f) => !record.ownership.skip.includes(f))).toBe(true);
    await git(root, 'add', RECORD);
    await git(root, 'commit', '--quiet', '-m', 'adopt');

    const check = await runCli(['check', '--json'], { cwd: root });
    expect(check.exitCode, check.stderr).toBe(5);
    expect(JSON.parse(check.stdout).files).toContain('src/lightning_hydra_template/config.py');

    const update = await runCli(['update'], { cwd: root });
    expect(update.exitCode, update.stdout + update.stderr).toBe(0);
    for (const [file, content] of before) expect(read(root, file), file).toBe(content);
    expect(existsSync(path.join(root, 'src', 'lightning_hydra_template', 'config.py'))).toBe(true);
    await git(root, 'add', '-A');
    await git(root, 'commit', '--quiet', '-m', 'the template');
    expect((await runCli(['check'], { cwd: root })).exitCode).toBe(0);

    const add = await runCli(['add', 'mlflow'], { cwd: root });
    expect(add.exitCode, add.stdout + add.stderr).toBe(0);
    expect(existsSync(path.join(root, 'src', 'lightning_hydra_template', 'tracking.py'))).toBe(true);
    for (const [file, content] of before) expect(read(root, file), file).toBe(content);
  });

  it('refuses a dirty tree, and a project that has a record: one line, exit 2, nothing changed', async () => {
    const root = await foreignRepo();
    writeFileSync(path.join(root, 'README.md'), `${read(root, 'README.md')}wip\n`);
    const dirty = await runCli(['adopt', '--yes'], { cwd: root });
    expect(dirty.exitCode).toBe(2);
    expect(dirty.stderr.trim().split('\n')).toEqual([expect.stringMatching(/uncommitted changes: commit or stash them first .*nothing was changed/)]);
    expect(existsSync(path.join(root, RECORD))).toBe(false);
    expect((await git(root, 'status', '--porcelain')).stdout).toBe(' M README.md');

    const ours = await generate('ours');
    const again = await runCli(['adopt', '--yes'], { cwd: ours });
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toMatch(/already has \.create-ml-prod\.json: it is a create-ml-prod project, so use check, update or add/);
    await untouched(ours);
  });
});
