/**
 * Issue 13: nothing runs, nothing is lost. Hostile overlays and tampered records must not run
 * code (a sentinel file proves it) nor touch anything outside the project; a closed stdout, a
 * symlinked parent, a second runner and line endings are handled; every subcommand has help.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../src/fs/journal.js';
import { binPath, cleanEnv, runCli, tempDir } from '../helpers/cli.js';
import { snapshotTree } from '../helpers/tree.js';

function overlay(files: Record<string, string>, options: unknown[] = []): string {
  const dir = tempDir('cmp-overlay-');
  writeFileSync(path.join(dir, 'create-ml-prod.template.json'), JSON.stringify({ name: 'evil', version: '1.0.0', options }));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, 'files', rel)), { recursive: true });
    writeFileSync(path.join(dir, 'files', rel), text, { mode: 0o755 });
  }
  mkdirSync(path.join(dir, 'files'), { recursive: true });
  return dir;
}

/** A generated, committed project to update. */
async function project(): Promise<{ cwd: string; root: string }> {
  const cwd = tempDir();
  const result = await runCli(['proj', '--yes'], { cwd });
  expect(result.exitCode, result.stderr).toBe(0);
  return { cwd, root: path.join(cwd, 'proj') };
}

function editRecord(root: string, edit: (record: Record<string, unknown> & { files: Record<string, string> }) => void): void {
  const file = path.join(root, '.create-ml-prod.json');
  const record = JSON.parse(readFileSync(file, 'utf8'));
  edit(record);
  writeFileSync(file, JSON.stringify(record, null, 2));
  execFileSync('git', ['commit', '-qam', 'tamper'], { cwd: root, env: cleanEnv() });
}

describe('hostile overlays run nothing', () => {
  it.each([
    ['_git/hooks/pre-commit', '#!/bin/sh\ntouch SENTINEL\n'],
    ['_git/config', '[core]\n\tfsmonitor = "touch SENTINEL"\n'],
    ['sub/_GIT/config', '[core]\n\tfsmonitor = "touch SENTINEL"\n'],
  ])('%s is refused before any write', async (rel, text) => {
    const cwd = tempDir();
    const dir = overlay({ [rel]: text.replace('SENTINEL', path.join(cwd, 'sentinel')) });
    const result = await runCli(['proj', '--yes', '--template', dir], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/nothing may be written into .git/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('may not write the record, nor use a built-in flag or a prototype name as an option id', async () => {
    const cwd = tempDir();
    expect((await runCli(['p', '--yes', '--template', overlay({ '_create-ml-prod.json': '{}' })], { cwd })).stderr).toMatch(/would replace .create-ml-prod.json/);
    for (const id of ['advise', 'noGit', 'constructor', 'toString']) {
      const result = await runCli(['p', '--yes', '--template', overlay({}, [{ id }])], { cwd });
      expect(result.exitCode, id).toBe(2);
      expect(result.stderr, id).toMatch(/already an option|reserved name/);
    }
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a template that does not parse names its file', async () => {
    const cwd = tempDir();
    const result = await runCli(['p', '--yes', '--template', overlay({ 'broken.md.hbs': '{{#if projectName}}never closed' })], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/template files\/broken.md.hbs/);
  });
});

describe('tampered records run nothing and touch nothing outside', () => {
  it.each(['file:.evil', '../x', 'latest', 'https://example.com/x.tgz', 'git+ssh://x/y'])('version %s is refused', async (version) => {
    const { cwd, root } = await project();
    mkdirSync(path.join(root, '.evil', 'dist'), { recursive: true });
    writeFileSync(path.join(root, '.evil', 'package.json'), JSON.stringify({ name: 'create-ml-prod', version: '9.9.9', type: 'module' }));
    writeFileSync(path.join(root, '.evil', 'dist', 'index.js'), `import fs from 'node:fs'; fs.writeFileSync(${JSON.stringify(path.join(cwd, 'sentinel'))}, 'ran');`);
    editRecord(root, (r) => (r.version = version));
    for (const args of [['update', 'proj', '--dry-run', '--allow-dirty'], ['check', 'proj']]) {
      const result = await runCli(args, { cwd });
      expect(result.exitCode, args[0]).toBe(2);
      expect(result.stderr).toMatch(/is not a create-ml-prod version/);
    }
    expect(existsSync(path.join(cwd, 'sentinel'))).toBe(false);
  });

  it.each(['../victim.txt', '/tmp/victim.txt', '.git/config', 'a/../../victim.txt'])('file entry %s is refused; the victim stays', async (entry) => {
    const { cwd, root } = await project();
    writeFileSync(path.join(cwd, 'victim.txt'), 'precious');
    const before = snapshotTree(cwd, ['proj']);
    editRecord(root, (r) => (r.files[entry] = '0123456789abcdef'));
    const result = await runCli(['update', 'proj', '--ci', 'azure'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/is not a project path/);
    expect(snapshotTree(cwd, ['proj'])).toEqual(before);
  });

  it('a record from a newer generator is refused, naming the version to run', async () => {
    const { cwd, root } = await project();
    editRecord(root, (r) => (r.version = '99.0.0'));
    for (const command of ['check', 'update']) {
      const result = await runCli([command, 'proj'], { cwd });
      expect(result.exitCode, command).toBe(2);
      expect(result.stderr).toMatch(/newer than this one .*npx create-ml-prod@99\.0\.0/);
    }
  });

  it('offline, an older record updates untouched files cleanly: no whole-file conflicts', async () => {
    const { cwd, root } = await project();
    editRecord(root, (r) => (r.version = '0.0.1')); // cannot be fetched here
    // An edited file whose template does not change with the new answers.
    writeFileSync(path.join(root, '.editorconfig'), `${readFileSync(path.join(root, '.editorconfig'), 'utf8')}\n# my notes\n`);
    execFileSync('git', ['commit', '-qam', 'notes'], { cwd: root, env: cleanEnv() });
    const result = await runCli(['update', 'proj', '--ci', 'azure'], { cwd, env: cleanEnv({ npm_config_offline: 'true' }), timeout: 120_000 });
    expect(result.stdout + result.stderr).not.toMatch(/CONFLICT/);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(readFileSync(path.join(root, '.editorconfig'), 'utf8')).toMatch(/my notes/);
    expect(result.stdout).toMatch(/kept \(your edit\)\s+\.editorconfig/);
  });
});

describe('the run and its environment', () => {
  it('a closed stdout (| head -c 1) never breaks the work', () => {
    const cwd = tempDir();
    const out = spawnSync('bash', ['-c', `node ${JSON.stringify(binPath)} proj --yes | head -c 1 >/dev/null; echo "rc=\${PIPESTATUS[0]}"`], { cwd, env: cleanEnv() });
    expect(out.stdout.toString()).toMatch(/rc=0/);
    expect(out.stderr.toString()).not.toMatch(/EPIPE/);
    expect(existsSync(path.join(cwd, 'proj', '.git'))).toBe(true);
    const dry = spawnSync('bash', ['-c', `node ${JSON.stringify(binPath)} proj2 --yes --dry-run | head -1 >/dev/null; echo "rc=\${PIPESTATUS[0]}"`], { cwd, env: cleanEnv() });
    expect(dry.stdout.toString()).toMatch(/rc=0/);
    expect(dry.stderr.toString()).not.toMatch(/EPIPE/);
  });

  it('a symlinked folder among the parents resolves', async () => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, 'real'));
    symlinkSync(path.join(cwd, 'real'), path.join(cwd, 'linkdir'));
    const result = await runCli(['linkdir/proj', '--yes', '--no-git'], { cwd });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(existsSync(path.join(cwd, 'real', 'proj', 'pyproject.toml'))).toBe(true);
  });

  it('a second runner is refused while the first holds the project', async () => {
    const { cwd, root } = await project();
    const held = await Journal.begin(root, 'update');
    const result = await runCli(['update', 'proj', '--ci', 'azure', '--allow-dirty'], { cwd });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/create-ml-prod update \(pid \d+.*\) is working on/);
    await held.commit();
    expect((await runCli(['update', 'proj', '--ci', 'azure'], { cwd })).exitCode).toBe(0);
  });

  it('CRLF checkouts (core.autocrlf) are not seen as edits', async () => {
    const { cwd, root } = await project();
    for (const rel of ['README.md', 'Makefile', 'pyproject.toml']) {
      const file = path.join(root, rel);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
    }
    const result = await runCli(['check', 'proj'], { cwd });
    expect(result.stdout).not.toMatch(/Edited since generation/);
    expect(result.exitCode).toBe(0);
    const update = await runCli(['update', 'proj', '--ci', 'azure', '--allow-dirty'], { cwd });
    expect(update.exitCode, update.stderr).toBe(0);
    expect(readFileSync(path.join(root, 'README.md'), 'utf8')).toMatch(/\r\n/);
    expect(readFileSync(path.join(root, 'README.md'), 'utf8')).not.toMatch(/<<<<<<</);
  });

  it('every subcommand has its own help; help and version are commands, not project names', async () => {
    const cwd = tempDir();
    expect((await runCli(['update', '--help'], { cwd })).stdout).toMatch(/--previous <package-dir>/);
    for (const command of ['verify', 'check', 'add', 'advise', 'recover']) {
      expect((await runCli([command, '--help'], { cwd })).stdout, command).toMatch(new RegExp(`Usage: create-ml-prod ${command}`));
    }
    expect((await runCli(['help'], { cwd })).stdout).toMatch(/Usage:/);
    expect((await runCli(['version'], { cwd })).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('answers: a JSON byte-order mark is fine, YAML 3.10 gets a hint, bidi overrides are refused', async () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, 'a.json'), '\uFEFF{"task": "regression"}');
    expect((await runCli(['p', '--yes', '--dry-run', '--answers', 'a.json'], { cwd })).exitCode).toBe(0);
    writeFileSync(path.join(cwd, 'a.yaml'), 'pythonVersion: 3.10\n');
    const yaml = await runCli(['p', '--yes', '--dry-run', '--answers', 'a.yaml'], { cwd });
    expect(yaml.exitCode).toBe(2);
    expect(yaml.stderr).toMatch(/quote it \("3.10"\)/);
    const bidi = await runCli(['p', '--yes', '--dry-run', '--description', 'safe\u202Eevil'], { cwd });
    expect(bidi.exitCode).toBe(2);
    expect(bidi.stderr).toMatch(/bidirectional control character/);
  });

  it('terminal escape characters in echoed names are neutralised', async () => {
    const cwd = tempDir();
    const result = await runCli(['a\u001b[2Jb/p', '--yes', '--no-git'], { cwd });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout + result.stderr).not.toContain('\u001b[2J');
    expect(result.stdout).toContain('a\\u001b[2Jb/p');
  });

  it('a cache folder under /proc costs nothing (no spin)', async () => {
    const cwd = tempDir();
    const result = await runCli(['p', '--yes', '--no-git'], { cwd, env: cleanEnv({ XDG_CACHE_HOME: '/proc/self/no-such' }), timeout: 20_000 });
    expect(result.exitCode, result.stderr).toBe(0);
  });

  it('a name too long for the file system gets a message, not a raw error', async () => {
    const cwd = tempDir();
    const result = await runCli([`${'a'.repeat(300)}/p`, '--yes', '--no-git', '--project-name', 'p'], { cwd });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/too long/);
    expect(result.stderr).not.toMatch(/unexpected failure/);
  });
});
