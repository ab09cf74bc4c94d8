import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hashContent } from './hashContent.js';
import type { JournalEntry } from './journalLog.js';
import { isSafeProjectPath } from './projectPaths.js';

/**
 * Undoes logged changes, newest first: created files go (unless edited since they were whole),
 * replaced and deleted files come back from their backups, post-step trees go. Folders are left
 * for removeMadeFolders. A path that is not safely inside the project is never touched.
 */
export async function undoEntries(root: string, entries: readonly JournalEntry[], readBackup: (name: string) => Buffer): Promise<string[]> {
  const problems: string[] = [];
  const done = new Set(entries.filter((e) => e.op === 'done').map((e) => e.p));
  const failed = new Set(entries.filter((e) => e.op === 'failed').map((e) => e.p));
  for (const entry of [...entries].reverse()) {
    if (entry.op === 'dir' || entry.op === 'done' || entry.op === 'failed') continue;
    if (!isSafeProjectPath(root, entry.p, entry.op === 'tree')) {
      problems.push(`${entry.p}: outside the project, left alone`);
      continue;
    }
    const file = path.join(root, ...entry.p.split('/'));
    try {
      if (entry.op === 'tree') rmSync(file, { recursive: true, force: true });
      else if (entry.op === 'rmdir') mkdirSync(file, { recursive: true });
      else if (entry.op === 'file') {
        if (failed.has(entry.p)) continue; // it was in the way: not ours
        const current = readRegular(file);
        if (current === undefined) continue;
        if (done.has(entry.p) && hashContent(current) !== entry.h) problems.push(`${entry.p}: edited since it was written, kept`);
        else unlinkSync(file);
      } else if (entry.op === 'overwrite') {
        const current = readRegular(file);
        if (done.has(entry.p) && current !== undefined && hashContent(current) !== entry.h) {
          problems.push(`${entry.p}: edited since it was written, kept (the original is in the journal's ${entry.b})`);
          continue;
        }
        restore(file, readBackup(entry.b), entry.m);
      } else if (readRegular(file) === undefined) {
        restore(file, readBackup(entry.b), entry.m);
      }
    } catch (error) {
      problems.push(`${entry.p}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  }
  return problems;
}

/** Removes the folders a run made, deepest first, when they are empty (anything inside is not ours). */
export async function removeMadeFolders(root: string, entries: readonly JournalEntry[]): Promise<string[]> {
  const problems: string[] = [];
  const dirs = entries.filter((e) => e.op === 'dir').map((e) => e.p);
  for (const rel of dirs.sort((a, b) => depth(b) - depth(a))) {
    if (!/^(\.\.\/)*(\.\.|\.)$/.test(rel) && !isSafeProjectPath(root, rel, false)) continue;
    const dir = path.resolve(root, ...rel.split('/'));
    try {
      if (lstatSync(dir).isDirectory() && readdirSync(dir).length === 0) rmdirSync(dir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') problems.push(`${rel}: ${code ?? String(error)}`);
    }
  }
  return problems;
}

/** Folders nearer the root come last: `..` is shallower than `.`, which is shallower than `a/b`. */
function depth(rel: string): number {
  if (rel === '.') return 0;
  if (rel.startsWith('..')) return -rel.split('/').length;
  return rel.split('/').length;
}

function readRegular(file: string): Buffer | undefined {
  try {
    return lstatSync(file).isFile() ? readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

function restore(file: string, content: Buffer, mode: number): void {
  writeFileSync(file, content);
  chmodSync(file, mode);
}
