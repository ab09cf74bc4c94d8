import { chmodSync, closeSync, fchmodSync, lstatSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CancelledError, StepError } from '../errors.js';
import type { PlannedAction } from './conflicts.js';
import type { Journal } from './journal.js';

export interface CommitInput {
  readonly root: string;
  readonly actions: readonly PlannedAction[];
  readonly journal: Journal;
  readonly signal?: AbortSignal;
  /** Called after each file is written. */
  readonly onFile?: (relative: string) => void;
  /** Test hook: a pause after each file, so interruption tests can land mid-write. */
  readonly pauseMs?: number;
}

/**
 * Writes the plan, recording every folder and file it creates or overwrites in the journal.
 * Files are written with synchronous calls (a few small files cost less that way than the thread
 * pool's round trips), yielding to the event loop every few milliseconds so a signal still lands
 * mid-write.
 */
export async function commitPlan(input: CommitInput): Promise<void> {
  const { root, journal } = input;
  const ensured = new Set<string>();
  // Folders this run made have no children yet: theirs need no lstat (and no ENOENT thrown).
  const made = new Set<string>();
  ensureDir(root, journal, ensured, made);
  let yielded = performance.now();
  for (const { file, action } of input.actions) {
    if (input.signal?.aborted) throw new CancelledError('Cancelled while writing: nothing was kept.');
    if (action === 'skip') continue;
    const target = path.join(root, ...file.path.split('/'));
    try {
      ensureDir(path.dirname(target), journal, ensured, made);
      if (action === 'overwrite') {
        const info = lstatSync(target);
        if (!info.isFile()) throw new StepError(`cannot overwrite ${file.path}: it is not a regular file`);
        journal.overwritten.push({ path: target, content: readFileSync(target), mode: info.mode & 0o777 });
        writeFileSync(target, file.content);
        chmodSync(target, file.mode);
      } else {
        // Journal the file as soon as it exists, so a failed write (a full disk) is undone too.
        const fd = openSync(target, 'wx', file.mode);
        journal.createdFiles.push(target);
        try {
          writeFileSync(fd, file.content);
          fchmodSync(fd, file.mode); // the exact mode, whatever the umask
        } finally {
          closeSync(fd);
        }
      }
    } catch (error) {
      if (error instanceof StepError) throw error;
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw new StepError(`cannot write ${file.path}: ${describeCode(code)}`);
    }
    input.onFile?.(file.path);
    if (input.pauseMs) await new Promise((resolve) => setTimeout(resolve, input.pauseMs));
    else if (performance.now() - yielded > YIELD_EVERY_MS) {
      await new Promise(setImmediate);
      yielded = performance.now();
    }
  }
  if (input.signal?.aborted) throw new CancelledError('Cancelled while writing: nothing was kept.');
}

/** A turn of the event loop per file costs a tenth of the writing; a signal waits at most this. */
const YIELD_EVERY_MS = 4;

/** Creates a folder and its missing parents one by one, so each creation is journaled. */
function ensureDir(dir: string, journal: Journal, ensured: Set<string>, madeHere: Set<string>): void {
  const missing: string[] = [];
  let current = path.resolve(dir);
  while (!ensured.has(current)) {
    if (madeHere.has(path.dirname(current))) {
      missing.push(current);
      current = path.dirname(current);
      continue;
    }
    try {
      const info = lstatSync(current);
      if (!info.isDirectory()) throw new StepError(`cannot create ${current}: a file is in the way`);
      break;
    } catch (error) {
      if (error instanceof StepError) throw error;
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      missing.push(current);
      const parent = path.dirname(current);
      if (parent === current) break;
      current = parent;
    }
  }
  ensured.add(current);
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
      journal.createdDirs.push(folder);
      madeHere.add(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      if (code !== 'EEXIST') throw new StepError(`cannot create ${folder}: ${describeCode(code)}`);
    }
    ensured.add(folder);
  }
}

export function describeCode(code: string): string {
  const known: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
    EEXIST: 'it appeared while writing',
    ENOTDIR: 'a parent is not a folder',
    EISDIR: 'a folder is in the way',
  };
  return known[code] ?? code;
}
