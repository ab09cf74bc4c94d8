import { mkdtemp, mkdir, readFile, readdir, writeFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPolicy, findConflicts } from '../../src/fs/conflicts.js';
import { commitPlan } from '../../src/fs/commitPlan.js';
import { Journal } from '../../src/fs/journal.js';
import { inspectTarget } from '../../src/fs/targetState.js';
import type { PlannedFile } from '../../src/plan/plan.js';

const file = (p: string, text: string, mode = 0o644): PlannedFile => ({ path: p, content: Buffer.from(text), mode, source: '' });
const tmp = () => mkdtemp(path.join(os.tmpdir(), 'cmp-commit-'));

describe('target state', () => {
  it('ignores harmless entries', async () => {
    const dir = await tmp();
    await mkdir(path.join(dir, '.git'));
    await writeFile(path.join(dir, 'README.md'), 'x');
    expect((await inspectTarget(dir)).blocking).toEqual([]);
    await writeFile(path.join(dir, 'notes.txt'), 'x');
    expect((await inspectTarget(dir)).blocking).toEqual(['notes.txt']);
    expect(await inspectTarget(path.join(dir, 'missing'))).toEqual({ exists: false, blocking: [] });
  });
});

describe('conflict policy', () => {
  it('skips or overwrites exactly the existing files', async () => {
    const dir = await tmp();
    await writeFile(path.join(dir, 'README.md'), 'mine');
    const files = [file('README.md', 'theirs'), file('src/a.py', 'a')];
    const conflicts = await findConflicts(dir, files);
    expect(conflicts).toEqual(['README.md']);
    expect(applyPolicy(files, conflicts, 'skip').map((a) => a.action)).toEqual(['skip', 'create']);
    expect(applyPolicy(files, conflicts, 'overwrite').map((a) => a.action)).toEqual(['overwrite', 'create']);
  });

  it('keeps skipped files byte-identical', async () => {
    const dir = await tmp();
    await writeFile(path.join(dir, 'README.md'), 'mine');
    const files = [file('README.md', 'theirs'), file('new.txt', 'n')];
    await commitPlan({ root: dir, actions: applyPolicy(files, ['README.md'], 'skip'), journal: await Journal.begin(dir, 'test') });
    expect(await readFile(path.join(dir, 'README.md'), 'utf8')).toBe('mine');
    expect(await readFile(path.join(dir, 'new.txt'), 'utf8')).toBe('n');
  });
});

describe('commit and rollback', () => {
  it('writes modes and undoes exactly what it did', async () => {
    const parent = await tmp();
    await writeFile(path.join(parent, 'keep.txt'), 'user');
    const root = path.join(parent, 'proj', 'deeper');
    const journal = await Journal.begin(root, 'test');
    await commitPlan({
      root,
      journal,
      actions: applyPolicy([file('run.sh', '#!/bin/sh', 0o755), file('a/b/c.txt', 'c')], [], 'skip'),
    });
    expect((await stat(path.join(root, 'run.sh'))).mode & 0o777).toBe(0o755);
    await journal.rollback();
    expect(await readdir(parent)).toEqual(['keep.txt']);
  });

  it('journals every folder it makes, under a new root and beside existing ones', async () => {
    const root = await tmp();
    await mkdir(path.join(root, 'src'));
    await writeFile(path.join(root, 'a'), 'a file, not a folder');
    const journal = await Journal.begin(root, 'test');
    await commitPlan({
      root,
      journal,
      actions: applyPolicy([file('src/pkg/deep/x.py', 'x'), file('src/pkg/y.py', 'y'), file('new/one/two/z.txt', 'z')], [], 'skip'),
    });
    expect(journal.entries.filter((e) => e.op === 'dir').map((e) => e.p)).toEqual(['src/pkg', 'src/pkg/deep', 'new', 'new/one', 'new/one/two']);
    await expect(
      commitPlan({ root, journal, actions: applyPolicy([file('a/b.txt', 'b')], [], 'skip') }),
    ).rejects.toThrow(/a file is in the way/);
    await journal.rollback();
    expect((await readdir(root)).sort()).toEqual(['a', 'src']);
    expect(await readdir(path.join(root, 'src'))).toEqual([]);
  });

  it('restores overwritten files and keeps folders holding foreign files', async () => {
    const root = await tmp();
    await writeFile(path.join(root, 'README.md'), 'mine');
    const journal = await Journal.begin(root, 'test');
    await commitPlan({
      root,
      journal,
      actions: applyPolicy([file('README.md', 'theirs'), file('docs/x.md', 'x')], ['README.md'], 'overwrite'),
    });
    expect(await readFile(path.join(root, 'README.md'), 'utf8')).toBe('theirs');
    await writeFile(path.join(root, 'docs', 'user-added.md'), 'u');
    await journal.rollback();
    expect(await readFile(path.join(root, 'README.md'), 'utf8')).toBe('mine');
    expect(await readdir(path.join(root, 'docs'))).toEqual(['user-added.md']);
  });

  it('stops at an aborted signal with a cancellation', async () => {
    const root = await tmp();
    const controller = new AbortController();
    controller.abort();
    await expect(
      commitPlan({ root, journal: await Journal.begin(root, 'test'), signal: controller.signal, actions: applyPolicy([file('a', 'a')], [], 'skip') }),
    ).rejects.toThrow(/Cancelled/);
  });
});
