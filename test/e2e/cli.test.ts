import { existsSync, mkdirSync, readFileSync, writeFileSync, readdirSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { optionSchema } from '../../src/options/schema.js';
import { flagName } from '../../src/options/optionTypes.js';
import { cleanEnv, runCli, tempDir } from '../helpers/cli.js';
import { structuralProblems } from '../helpers/parseOutputs.js';
import { snapshotTree } from '../helpers/tree.js';

const ANSI = /\u001b\[/;

/** An environment whose PATH finds a failing stand-in for `tool` first (in <cwd>/fakebin). */
function withFakeTool(cwd: string, tool: string, script: string): Record<string, string> {
  const fakeBin = path.join(cwd, 'fakebin');
  mkdirSync(fakeBin, { recursive: true });
  writeFileSync(path.join(fakeBin, tool), `#!/bin/sh\n${script}\n`);
  chmodSync(path.join(fakeBin, tool), 0o755);
  return cleanEnv({ PATH: `${fakeBin}:${process.env.PATH ?? ''}` });
}

describe('create-ml-prod (built bin, no terminal)', () => {
  it('generates a project and exits 0', async () => {
    const cwd = tempDir();
    const result = await runCli(['demo', '--yes', '--no-git'], { cwd });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('npx create-ml-prod demo --project-name demo');
    const root = path.join(cwd, 'demo');
    expect(existsSync(path.join(root, 'README.md'))).toBe(true);
    expect(existsSync(path.join(root, '.gitignore'))).toBe(true);
    const record = JSON.parse(readFileSync(path.join(root, '.create-ml-prod.json'), 'utf8'));
    expect(record.answers.packageName).toBe('demo');
    expect(structuralProblems(root)).toEqual([]);
  });

  it('uses the defaults without a terminal and without --yes, never hanging', async () => {
    const cwd = tempDir();
    const result = await runCli(['quiet-one', '--no-git'], { cwd, timeout: 20_000 });
    expect(result.exitCode, result.stderr).toBe(0);
    const record = JSON.parse(readFileSync(path.join(cwd, 'quiet-one', '.create-ml-prod.json'), 'utf8'));
    expect(record.answers.license).toBe('MIT');
    expect(record.answers.task).toBe('classification');
  });

  it('is a usage error, not a hang, when no project name can be had', async () => {
    const result = await runCli([], { cwd: tempDir() });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/missing --project-name/);
  });

  it('--dry-run prints the plan and writes nothing', async () => {
    const cwd = tempDir();
    const result = await runCli(['planned', '--yes', '--dry-run'], { cwd });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/create\s+[\d.]+ k?B\s+README\.md/);
    expect(result.stdout).toContain('.create-ml-prod.json');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('refuses a non-empty directory with exit 2 and leaves it byte-identical', async () => {
    const cwd = tempDir();
    const target = path.join(cwd, 'busy');
    mkdirSync(target);
    writeFileSync(path.join(target, 'notes.txt'), 'mine');
    writeFileSync(path.join(target, 'README.md'), 'my readme');
    const before = snapshotTree(target);
    const result = await runCli(['busy', '--yes'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/busy is not empty \(notes\.txt\).*--force/);
    expect(snapshotTree(target)).toEqual(before);
  });

  it('--force --conflict skip keeps the user files byte-identical', async () => {
    const cwd = tempDir();
    const target = path.join(cwd, 'mixed');
    mkdirSync(target);
    writeFileSync(path.join(target, 'README.md'), 'my readme\n');
    writeFileSync(path.join(target, 'notes.txt'), 'mine');
    const result = await runCli(['mixed', '--yes', '--no-git', '--force', '--conflict', 'skip'], { cwd });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/README\.md/);
    expect(readFileSync(path.join(target, 'README.md'), 'utf8')).toBe('my readme\n');
    expect(readFileSync(path.join(target, 'notes.txt'), 'utf8')).toBe('mine');
    expect(existsSync(path.join(target, '.create-ml-prod.json'))).toBe(true);
  });

  it('without --conflict, an existing file aborts with exit 2 and nothing written', async () => {
    const cwd = tempDir();
    const target = path.join(cwd, 'clone');
    mkdirSync(target);
    writeFileSync(path.join(target, 'README.md'), 'from the remote\n');
    const before = snapshotTree(target);
    const result = await runCli(['clone', '--yes'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/would be overwritten \(README\.md\).*--conflict skip/);
    expect(snapshotTree(target)).toEqual(before);
  });

  it('rejects a bad option value with exit 2 and names the valid choices', async () => {
    const result = await runCli(['x', '--task', 'clustering'], { cwd: tempDir() });
    expect(result.exitCode).toBe(2);
    expect(result.stderr.trim()).toBe('error: --task: "clustering" is not one of: classification, regression');
  });

  it('rejects an unknown flag with exit 2', async () => {
    const result = await runCli(['x', '--tsak', 'regression'], { cwd: tempDir() });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/unknown option '--tsak'.*--help/);
  });

  it('regenerates byte-identically from the answers record in another parent folder', async () => {
    const first = tempDir();
    const args = ['twin', '--no-git', '--yes', '--task', 'regression', '--license', 'Apache-2.0', '--description', 'Quotes " and \\ and {{user}}\nand a second line'];
    expect((await runCli(args, { cwd: first })).exitCode).toBe(0);
    const second = tempDir();
    const replay = await runCli(['twin', '--no-git', '--answers', path.join(first, 'twin', '.create-ml-prod.json')], { cwd: second });
    expect(replay.exitCode, replay.stderr).toBe(0);
    expect(snapshotTree(path.join(second, 'twin'))).toEqual(snapshotTree(path.join(first, 'twin')));
    expect(structuralProblems(path.join(first, 'twin'), ['{{user}}'])).toEqual([]);
  });

  it('lets flags override the answers file', async () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, 'team.yaml'), 'license: BSD-3-Clause\ntask: regression\n');
    const result = await runCli(['over', '--no-git', '--answers', 'team.yaml', '--task', 'classification'], { cwd });
    expect(result.exitCode, result.stderr).toBe(0);
    const { answers } = JSON.parse(readFileSync(path.join(cwd, 'over', '.create-ml-prod.json'), 'utf8'));
    expect([answers.license, answers.task]).toEqual(['BSD-3-Clause', 'classification']);
  });

  it('initialises git with one commit, and skips it inside a work tree', async () => {
    const cwd = tempDir();
    const result = await runCli(['gitted', '--yes'], { cwd });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(existsSync(path.join(cwd, 'gitted', '.git'))).toBe(true);
    const nested = await runCli(['inner', '--yes'], { cwd: path.join(cwd, 'gitted') });
    expect(nested.exitCode, nested.stderr).toBe(0);
    expect(existsSync(path.join(cwd, 'gitted', 'inner', '.git'))).toBe(false);
    expect(nested.stdout).toMatch(/git init skipped/);
  });

  it('exits 1 and removes everything it created when git fails', async () => {
    const cwd = tempDir();
    const env = withFakeTool(cwd, 'git', '[ "$1" = init ] && { echo "fatal: simulated failure" >&2; exit 128; }\nexit 1');
    const result = await runCli(['broken', '--yes'], { cwd, env });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/git init failed/);
    expect(result.stdout + result.stderr).toMatch(/simulated failure/);
    expect(readdirSync(cwd)).toEqual(['fakebin']);
  });

  it('exits 1, prints the tail of the tool output and removes everything when --install fails', async () => {
    const cwd = tempDir();
    const env = withFakeTool(cwd, 'python3', 'echo "simulated: no space left on device" >&2\nexit 1');
    const result = await runCli(['no-install', '--yes', '--install', '--deps-manager', 'pip'], { cwd, env });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/create \.venv failed/);
    expect(result.stdout + result.stderr).toMatch(/simulated: no space left on device/);
    expect(readdirSync(cwd)).toEqual(['fakebin']);
  });

  it('exits 130 and leaves no partial directory on SIGINT while writing', async () => {
    const cwd = tempDir();
    const child = runCli(['interrupted', '--yes', '--no-git'], {
      cwd,
      env: cleanEnv({ CREATE_ML_PROD_TEST_PAUSE_MS: '40' }),
    });
    const target = path.join(cwd, 'interrupted');
    for (let i = 0; i < 200 && !(existsSync(target) && readdirSync(target).length > 1); i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(existsSync(target)).toBe(true);
    child.kill('SIGINT');
    const result = await child;
    expect(result.exitCode).toBe(130);
    expect(result.stderr).toMatch(/Cancelled/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('prints no ANSI codes with NO_COLOR, even when colour is forced', async () => {
    const cwd = tempDir();
    const forced = await runCli(['--help'], { cwd, env: cleanEnv({ FORCE_COLOR: '1' }) });
    expect(forced.stdout).toMatch(ANSI);
    const plain = await runCli(['--help'], { cwd, env: cleanEnv({ FORCE_COLOR: '1', NO_COLOR: '1' }) });
    expect(plain.stdout).not.toMatch(ANSI);
    const flag = await runCli(['p', '--yes', '--no-git', '--no-color'], { cwd, env: cleanEnv({ FORCE_COLOR: '1' }) });
    expect(flag.exitCode).toBe(0);
    expect(flag.stdout + flag.stderr).not.toMatch(ANSI);
  });

  it('--help lists every option with its choices; --version prints the version', async () => {
    const cwd = tempDir();
    const help = await runCli(['--help'], { cwd });
    expect(help.exitCode).toBe(0);
    for (const option of optionSchema) {
      expect(help.stdout).toContain(option.kind === 'boolean' ? `--[no-]${flagName(option.id)}` : `--${flagName(option.id)}`);
      if ('choices' in option) for (const c of option.choices) expect(help.stdout).toContain(c.value);
    }
    expect(help.stdout).toMatch(/Examples:/);
    const version = await runCli(['--version'], { cwd });
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));
    expect(version.stdout.trim()).toBe(pkg.version);
  });
});
