import { mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { StepError } from '../errors.js';
import { JOURNAL_DIR, JOURNAL_LOG, JOURNAL_OWNER } from './journalLog.js';

/** Who holds a project's lock: enough to tell a live run from one that died. */
export interface LockOwner {
  readonly pid: number;
  /** The kernel's boot id and the process's start time: a reused pid or a reboot is not the owner. */
  readonly boot: string;
  readonly start: string;
  readonly command: string;
  readonly since: string;
}

/**
 * Takes the lock: the journal folder, made atomically. A live holder is refused with a clear
 * message; a dead one's journal must be recovered first (see recoverProject).
 */
export async function acquireProjectLock(root: string, command: string): Promise<void> {
  const dir = path.join(root, JOURNAL_DIR);
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw busyError(root, readOwner(root));
  }
  const owner: LockOwner = { pid: process.pid, boot: bootId(), start: startTime(process.pid), command, since: new Date().toISOString() };
  writeFileSync(path.join(dir, JOURNAL_OWNER), JSON.stringify(owner));
}

/** Removes the journal folder: the log first (the commit point), then the rest. */
export async function releaseProjectLock(root: string): Promise<void> {
  const dir = path.join(root, JOURNAL_DIR);
  try {
    unlinkSync(path.join(dir, JOURNAL_LOG));
  } catch {
    /* no log: nothing was logged */
  }
  rmSync(dir, { recursive: true, force: true });
}

export function readOwner(root: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(path.join(root, JOURNAL_DIR, JOURNAL_OWNER), 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

/** Whether the process that wrote `owner` still runs (same boot, same pid, same start time). */
export function ownerAlive(owner: LockOwner | undefined): boolean {
  if (!owner || !Number.isInteger(owner.pid) || owner.pid <= 0) return false;
  if (owner.boot !== bootId()) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return owner.start === '' || startTime(owner.pid) === owner.start;
}

export function busyError(root: string, owner: LockOwner | undefined): StepError {
  const who = owner ? `create-ml-prod ${owner.command} (pid ${owner.pid}, since ${owner.since})` : 'another create-ml-prod run';
  return new StepError(
    `${who} is working on ${root}: wait for it to finish, then run this again (if no such process runs, run create-ml-prod recover ${root})`,
  );
}

function bootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return '';
  }
}

function startTime(pid: number): string {
  try {
    // Field 22 of /proc/<pid>/stat, counted after the command name (which may hold spaces).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}
