import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { JOURNAL_DIR, JOURNAL_LOG, journalKey, parseLog } from './journalLog.js';
import { busyError, ownerAlive, readOwner, releaseProjectLock } from './projectLock.js';
import { removeMadeFolders, undoEntries } from './undoEntries.js';

export interface Recovery {
  readonly root: string;
  /** What the interrupted run was doing (`create`, `update`, ...). */
  readonly command: string;
  /** Logged changes that were undone. */
  readonly undone: number;
  readonly problems: readonly string[];
}

/**
 * Replays the journal an interrupted run left (a crash, SIGKILL, a power cut): the project goes
 * back to how it was before that run. Undefined when there is nothing to recover. A journal whose
 * run is still alive is refused; one not signed with this user's key is never replayed.
 */
export async function recoverProject(root: string): Promise<Recovery | undefined> {
  const dir = path.join(root, JOURNAL_DIR);
  if (!existsSync(dir)) return undefined;
  const owner = readOwner(root);
  if (ownerAlive(owner) && owner?.pid !== process.pid) throw busyError(root, owner);
  let text = '';
  try {
    text = readFileSync(path.join(dir, JOURNAL_LOG), 'utf8');
  } catch {
    /* no log: the run stopped before its first change, or after its last */
  }
  const { entries, untrusted } = parseLog(text, journalKey());
  // A torn last line (the crash came mid-line) is expected; anything else is not ours.
  const torn = untrusted === 1 && !text.endsWith('\n');
  if (untrusted > 0 && !torn) {
    throw new UsageError(
      `${path.join(root, JOURNAL_DIR)} was not written by your create-ml-prod runs on this machine, or was edited: nothing was replayed. Check the project (git status), then remove that folder`,
    );
  }
  const readBackup = (name: string) => {
    if (!/^backup-\d+$/.test(name)) throw new Error(`bad backup name ${name}`);
    return readFileSync(path.join(dir, name));
  };
  const problems = await undoEntries(root, entries, readBackup);
  // The journal stays while something could not be undone: its backups are the user's bytes.
  if (problems.length === 0) {
    await releaseProjectLock(root);
    problems.push(...(await removeMadeFolders(root, entries)));
  }
  const undone = entries.filter((e) => e.op !== 'done' && e.op !== 'failed').length;
  return { root, command: owner?.command ?? 'unknown', undone, problems };
}

/** A dry run writes nothing, so it cannot replay an interrupted run: it says what to do instead. */
export async function assertNoJournal(root: string): Promise<void> {
  if (!existsSync(path.join(root, JOURNAL_DIR))) return;
  const owner = readOwner(root);
  if (ownerAlive(owner)) throw busyError(root, owner);
  throw new UsageError(`an interrupted run left ${JOURNAL_DIR} in ${root}: run create-ml-prod recover ${root} first`);
}
