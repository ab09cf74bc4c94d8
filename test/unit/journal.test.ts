/**
 * The write-ahead journal: what a SIGKILLed run leaves is replayed by the next run to the tree
 * as it was; a journal not signed by this user is never replayed; one writer at a time.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPolicy } from '../../src/fs/conflicts.js';
import { commitPlan } from '../../src/fs/commitPlan.js';
import { Journal } from '../../src/fs/journal.js';
import { JOURNAL_DIR, JOURNAL_LOG, journalKey, lineSigner, parseLog, signLine, type JournalEntry } from '../../src/fs/journalLog.js';
import { isPlainProjectPath, isSafeProjectPath } from '../../src/fs/projectPaths.js';
import { recoverProject } from '../../src/fs/recoverProject.js';
import { realTarget } from '../../src/fs/realTarget.js';
import type { PlannedFile } from '../../src/plan/plan.js';
import { tempDir } from '../helpers/cli.js';
import { snapshotTree } from '../helpers/tree.js';

const file = (p: string, text: string, mode = 0o644): PlannedFile => ({ path: p, content: Buffer.from(text), mode, source: '' });

/** Simulates SIGKILL: the journal's log and backups stay, nothing rolls back. */
async function crashAfterWriting(root: string, actions: Parameters<typeof applyPolicy>): Promise<void> {
  const journal = await Journal.begin(root, 'test');
  await commitPlan({ root, journal, actions: applyPolicy(...actions) });
  // no commit, no rollback: the process "died" here
}

describe('recovery of a run that died', () => {
  it('replays creates, overwrites, removals and made folders back to the tree as it was', async () => {
    const parent = tempDir();
    const root = path.join(parent, 'existing');
    mkdirSync(root);
    writeFileSync(path.join(root, 'README.md'), 'mine');
    writeFileSync(path.join(root, 'gone.txt'), 'delete me', { mode: 0o755 });
    const before = snapshotTree(parent);
    const journal = await Journal.begin(root, 'test');
    await commitPlan({ root, journal, actions: applyPolicy([file('README.md', 'theirs'), file('a/b/c.txt', 'c')], ['README.md'], 'overwrite') });
    journal.removeFile(path.join(root, 'gone.txt'));
    expect(readFileSync(path.join(root, 'README.md'), 'utf8')).toBe('theirs');
    const recovery = await recoverProject(root);
    expect(recovery?.problems).toEqual([]);
    expect(snapshotTree(parent)).toEqual(before);
  });

  it('puts back the folders an update emptied and removed, with their files', async () => {
    const parent = tempDir();
    const root = path.join(parent, 'proj');
    mkdirSync(path.join(root, 'notebooks', 'dummy'), { recursive: true });
    writeFileSync(path.join(root, 'notebooks', 'dummy', 'data.csv'), 'a,b\n');
    const before = snapshotTree(parent);
    const journal = await Journal.begin(root, 'test');
    journal.removeFile(path.join(root, 'notebooks', 'dummy', 'data.csv'));
    journal.removeDir(path.join(root, 'notebooks', 'dummy'));
    journal.removeDir(path.join(root, 'notebooks'));
    expect(existsSync(path.join(root, 'notebooks'))).toBe(false);
    const recovery = await recoverProject(root); // the run "died" here
    expect(recovery?.problems).toEqual([]);
    expect(snapshotTree(parent)).toEqual(before);
  });

  it('removes a project folder (and the parents) the dead run made', async () => {
    const parent = tempDir();
    const root = path.join(parent, 'x', 'proj');
    await crashAfterWriting(root, [[file('a.txt', 'a')], [], 'skip']);
    expect(existsSync(path.join(root, 'a.txt'))).toBe(true);
    await recoverProject(root);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('keeps a file the user edited after the run died', async () => {
    const root = tempDir();
    await crashAfterWriting(root, [[file('a.txt', 'a'), file('b.txt', 'b')], [], 'skip']);
    writeFileSync(path.join(root, 'a.txt'), 'my edit');
    const recovery = await recoverProject(root);
    expect(recovery?.problems.join()).toMatch(/a.txt: edited since/);
    expect(readFileSync(path.join(root, 'a.txt'), 'utf8')).toBe('my edit');
    expect(existsSync(path.join(root, 'b.txt'))).toBe(false);
  });

  it('never replays a journal it did not sign (a tampered or committed journal)', async () => {
    const root = tempDir();
    writeFileSync(path.join(root, 'precious.txt'), 'user data');
    mkdirSync(path.join(root, JOURNAL_DIR));
    writeFileSync(path.join(root, JOURNAL_DIR, JOURNAL_LOG), `${JSON.stringify({ op: 'tree', p: 'precious.txt' })}\tdeadbeef\n`);
    await expect(recoverProject(root)).rejects.toThrow(/was not written by your create-ml-prod runs/);
    expect(readFileSync(path.join(root, 'precious.txt'), 'utf8')).toBe('user data');
  });

  it('tolerates a torn last line (the crash came mid-line)', async () => {
    const root = tempDir();
    await crashAfterWriting(root, [[file('a.txt', 'a')], [], 'skip']);
    writeFileSync(path.join(root, JOURNAL_DIR, JOURNAL_LOG), `${readFileSync(path.join(root, JOURNAL_DIR, JOURNAL_LOG), 'utf8')}{"op":"fi`);
    await recoverProject(root);
    expect(readdirSync(root)).toEqual([]);
  });
});

describe('the log', () => {
  it('signs every line as HMAC-SHA256 does, whatever the key length', () => {
    const entries: JournalEntry[] = [{ op: 'dir', p: '.' }, { op: 'file', p: 'a/é.txt', h: '0123456789abcdef' }, { op: 'done', p: 'a/é.txt' }];
    for (const key of [undefined, Buffer.alloc(0), Buffer.from('k'), Buffer.alloc(32, 7), Buffer.alloc(64, 1), Buffer.alloc(100, 9)]) {
      const sign = lineSigner(key);
      for (const entry of entries) expect(sign(entry)).toBe(signLine(entry, key));
    }
  });

  it("writes a created file's done line with the next line, and every line before the run ends", async () => {
    const root = tempDir();
    const log = () => parseLog(readFileSync(path.join(root, JOURNAL_DIR, JOURNAL_LOG), 'utf8'), journalKey());
    const journal = await Journal.begin(root, 'test');
    journal.createFile(path.join(root, 'a.txt'), Buffer.from('a'), 0o644);
    expect(log().entries.map((e) => `${e.op} ${e.p}`)).toEqual(['file a.txt']);
    journal.createFile(path.join(root, 'b.txt'), Buffer.from('b'), 0o644);
    expect(log().entries.map((e) => `${e.op} ${e.p}`)).toEqual(['file a.txt', 'done a.txt', 'file b.txt']);
    journal.flush();
    expect(log()).toEqual({ entries: journal.entries, untrusted: 0 });
    await journal.commit();
  });
});

describe('file modes', () => {
  it('writes each file with exactly its mode, whatever the umask', async () => {
    const previous = process.umask();
    try {
      for (const umask of [0o022, 0o077, 0o000, 0o002]) {
        process.umask(umask);
        const root = tempDir();
        const journal = await Journal.begin(root, 'test');
        const files = [file('a.txt', 'a'), file('run.sh', '#!/bin/sh\n', 0o755), file('b/c.txt', 'c'), file('b/d.sh', 'd', 0o755)];
        await commitPlan({ root, journal, actions: applyPolicy(files, [], 'skip') });
        await journal.commit();
        for (const f of files) expect(statSync(path.join(root, f.path)).mode & 0o7777, `${f.path} under umask ${umask.toString(8)}`).toBe(f.mode);
      }
    } finally {
      process.umask(previous);
    }
  });
});

describe('one writer at a time', () => {
  it('refuses a second journal while the first run lives, and names it', async () => {
    const root = tempDir();
    const first = await Journal.begin(root, 'update');
    await expect(Journal.begin(root, 'update')).rejects.toThrow(/create-ml-prod update \(pid \d+, since .*\) is working on/);
    await first.commit();
    expect(readdirSync(root)).toEqual([]);
    const again = await Journal.begin(root, 'update');
    await again.commit();
  });

  it('a lock whose process is gone is recovered, not obeyed', async () => {
    const root = tempDir();
    await crashAfterWriting(root, [[file('a.txt', 'a')], [], 'skip']);
    // Rewrite the owner as a process that has exited.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    const ownerFile = path.join(root, JOURNAL_DIR, 'owner.json');
    writeFileSync(ownerFile, readFileSync(ownerFile, 'utf8').replace(/"pid":\d+/, `"pid":${dead}`));
    await recoverProject(root);
    expect(readdirSync(root)).toEqual([]);
  });
});

describe('project paths', () => {
  it('accepts plain relative paths and refuses escapes and .git', () => {
    for (const good of ['a', 'src/pkg/x.py', '.github/workflows/ci.yml', '.gitignore', '.gitattributes']) expect(isPlainProjectPath(good), good).toBe(true);
    for (const bad of ['', '../victim.txt', 'a/../../b', '/etc/passwd', 'C:\\x', 'a//b', './a', '.git/config', '.GIT/hooks/pre-commit', 'sub/.git/config', '.git./config', 'a\\..\\b', 'a\0b', 42]) {
      expect(isPlainProjectPath(bad), String(bad)).toBe(false);
    }
  });

  it('refuses a path behind a symbolic link inside the project', () => {
    const root = tempDir();
    const outside = tempDir();
    symlinkSync(outside, path.join(root, 'data'));
    expect(isSafeProjectPath(root, 'data/x.csv', false)).toBe(false);
    expect(isSafeProjectPath(root, 'src/x.py', false)).toBe(true);
  });

  it('resolves symbolic links among the parents of a target', () => {
    const base = tempDir();
    mkdirSync(path.join(base, 'real'));
    symlinkSync(path.join(base, 'real'), path.join(base, 'linkdir'));
    expect(realTarget(path.join(base, 'linkdir', 'proj', 'deep'))).toBe(path.join(execFileSync('realpath', [base]).toString().trim(), 'real', 'proj', 'deep'));
  });
});
