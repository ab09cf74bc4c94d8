/**
 * Fault injection: each fault ends with a clear message and the right exit code, and leaves
 * the target exactly as it was (compared by snapshotting the tree). Filesystem faults use a
 * small tmpfs, which needs root and mount; elsewhere they are reported as skipped, with why.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanEnv, runCli, tempDir } from '../helpers/cli.js';
import { snapshotTree } from '../helpers/tree.js';

const mounts: string[] = [];

function tryMount(options: string): string | undefined {
  const dir = tempDir('cmp-mnt-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
    mounts.push(dir);
    return dir;
  } catch {
    return undefined;
  }
}

const canMount = (() => {
  const probe = tryMount('size=64k');
  return probe !== undefined;
})();

afterAll(() => {
  for (const dir of mounts) execFileSync('umount', [dir], { stdio: 'ignore' });
});

const NO_TMPFS = 'needs `mount -t tmpfs` (root): this machine cannot mount one';

describe('filesystem faults (tmpfs)', () => {
  it('a full filesystem: exit 1, "no space left", and the disk as it was', async (ctx) => {
    ctx.skip(!canMount, NO_TMPFS);
    const mnt = tryMount('size=96k')!;
    writeFileSync(path.join(mnt, 'user-file.txt'), 'keep me');
    const before = snapshotTree(mnt);
    const result = await runCli(['proj', '--yes', '--no-git'], { cwd: mnt });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/cannot write .*: no space left on the device/);
    expect(snapshotTree(mnt)).toEqual(before);
  });

  it('a read-only target: exit 1, "read-only file system", nothing changed', async (ctx) => {
    ctx.skip(!canMount, NO_TMPFS);
    const mnt = tryMount('size=1m')!;
    mkdirSync(path.join(mnt, 'existing'));
    writeFileSync(path.join(mnt, 'existing', 'README.md'), 'mine');
    execFileSync('mount', ['-o', 'remount,ro', mnt]);
    const before = snapshotTree(mnt);
    for (const target of ['existing', 'new-project']) {
      const result = await runCli([target, '--yes', '--no-git', '--conflict', 'skip'], { cwd: mnt });
      expect(result.exitCode, result.stderr).toBe(1);
      expect(result.stderr).toMatch(/read-only file system/);
      expect(snapshotTree(mnt)).toEqual(before);
    }
  });
});

describe('signals at random points of the write phase', () => {
  // Fixed delays spread over the write phase (files are paced by the test hook).
  it.each([15, 60, 140, 260])('SIGTERM after %i ms: exit 130, nothing left', async (delay) => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, 'sibling'));
    const before = snapshotTree(cwd);
    const child = runCli(['signalled', '--yes', '--no-git'], { cwd, env: cleanEnv({ CREATE_ML_PROD_TEST_PAUSE_MS: '5' }) });
    const target = path.join(cwd, 'signalled');
    for (let i = 0; i < 400 && !existsSync(target); i++) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, delay));
    child.kill('SIGTERM');
    const result = await child;
    expect([130, 0]).toContain(result.exitCode);
    if (result.exitCode === 130) expect(snapshotTree(cwd)).toEqual(before);
    else expect(readdirSync(target).length).toBeGreaterThan(10); // finished before the signal
  });
});
