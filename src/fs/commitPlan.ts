import { lstatSync } from 'node:fs';
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
 * Writes the plan through the journal, which logs every folder and file before it is made or
 * replaced. Files are written with synchronous calls (a few small files cost less that way than
 * the thread pool's round trips), yielding to the event loop every few milliseconds so a signal
 * still lands mid-write.
 */
export async function commitPlan(input: CommitInput): Promise<void> {
  const { root, journal } = input;
  const ensured = new Set<string>([path.resolve(root)]);
  // Folders this run made have no children yet: theirs need no lstat (and no ENOENT thrown).
  const made = new Set<string>();
  let yielded = Date.now(); // not performance.now(): its first use loads perf_hooks
  for (const { file, action } of input.actions) {
    if (input.signal?.aborted) throw new CancelledError('Cancelled while writing: nothing was kept.');
    if (action === 'skip') continue;
    const target = path.join(root, ...file.path.split('/'));
    try {
      ensureDir(path.dirname(target), root, journal, ensured, made);
      if (action === 'overwrite') {
        const info = lstatSync(target);
        if (!info.isFile()) throw new StepError(`cannot overwrite ${file.path}: it is not a regular file`);
        journal.overwriteFile(target, file.content, file.mode);
      } else {
        journal.createFile(target, file.content, file.mode);
      }
    } catch (error) {
      if (error instanceof StepError) throw error;
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw new StepError(`cannot write ${file.path}: ${describeCode(code)}`);
    }
    input.onFile?.(file.path);
    if (input.pauseMs) await new Promise((resolve) => setTimeout(resolve, input.pauseMs));
    else if (Date.now() - yielded > YIELD_EVERY_MS) {
      await new Promise(setImmediate);
      yielded = Date.now();
    }
  }
  journal.flush();
  if (input.signal?.aborted) throw new CancelledError('Cancelled while writing: nothing was kept.');
}

/** A turn of the event loop per file costs a tenth of the writing; a signal waits at most this. */
const YIELD_EVERY_MS = 4;

/**
 * Makes a folder inside the project and its missing parents one by one, each logged. An existing
 * folder on the way must be a real folder: a symbolic link could lead out of the project.
 */
function ensureDir(dir: string, root: string, journal: Journal, ensured: Set<string>, madeHere: Set<string>): void {
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
      const rel = path.relative(root, current);
      if (info.isSymbolicLink()) throw new StepError(`cannot write into ${rel}: it is a symbolic link, which could lead out of the project`);
      if (!info.isDirectory()) throw new StepError(`cannot create ${rel}: a file is in the way`);
      break;
    } catch (error) {
      if (error instanceof StepError) throw error;
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      missing.push(current);
      current = path.dirname(current);
    }
  }
  ensured.add(current);
  for (const folder of missing.reverse()) {
    try {
      journal.mkdir(folder);
      madeHere.add(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      if (code !== 'EEXIST') throw new StepError(`cannot create ${path.relative(root, folder)}: ${describeCode(code)}`);
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
    ENAMETOOLONG: 'the name is too long for this file system',
  };
  return known[code] ?? code;
}
