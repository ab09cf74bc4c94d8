import { chmodSync, closeSync, fchmodSync, fsyncSync, lstatSync, mkdirSync, openSync, readFileSync, rmdirSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { hashContent } from './hashContent.js';
import { makeDirs } from './makeDirs.js';
import { JOURNAL_DIR, JOURNAL_LOG, journalKey, signLine, type JournalEntry } from './journalLog.js';
import { acquireProjectLock, releaseProjectLock } from './projectLock.js';
import { removeMadeFolders, undoEntries } from './undoEntries.js';

/**
 * What this run changes in a project, written ahead of each change to
 * `<project>/.create-ml-prod.journal/`, so that a failure, a signal, SIGKILL or a power cut ends
 * with the tree as before: this run rolls back from it, or the next run (or `create-ml-prod
 * recover`) replays it. The folder is also the project's lock: one writer at a time.
 */
export class Journal {
  /** Everything logged so far, in order (the same lines as on disk). */
  readonly entries: JournalEntry[] = [];
  private readonly dir: string;
  private fd: number | undefined;
  private backups = 0;
  private finished = false;

  private constructor(
    readonly root: string,
    private readonly key: Buffer | undefined,
  ) {
    this.dir = path.join(root, JOURNAL_DIR);
  }

  /**
   * Takes the project's lock and opens the journal: makes the project folder (and missing
   * parents) first, logging them, so a crash before the first file still leaves nothing.
   */
  static async begin(root: string, command: string): Promise<Journal> {
    const journal = new Journal(root, journalKey());
    const made = makeDirs(root);
    try {
      await acquireProjectLock(root, command);
    } catch (error) {
      for (const dir of [...made].reverse()) rmdirSync(dir);
      throw error;
    }
    journal.fd = openSync(path.join(journal.dir, JOURNAL_LOG), 'a', 0o600);
    for (const dir of made) journal.log({ op: 'dir', p: relativeTo(root, dir) });
    return journal;
  }

  /** Makes a folder inside the project, logged first. */
  mkdir(absolute: string): void {
    this.log({ op: 'dir', p: this.rel(absolute) });
    mkdirSync(absolute);
  }

  /** Creates a file that must not exist yet, with exactly `mode`. */
  createFile(absolute: string, content: Buffer, mode: number): void {
    const p = this.rel(absolute);
    this.log({ op: 'file', p, h: hashContent(content) });
    let fd: number;
    try {
      fd = openSync(absolute, 'wx', mode);
    } catch (error) {
      this.log({ op: 'failed', p });
      throw error;
    }
    try {
      writeFileSync(fd, content);
      fchmodSync(fd, mode); // the exact mode, whatever the umask
    } finally {
      closeSync(fd);
    }
    this.log({ op: 'done', p });
  }

  /** Replaces a regular file; its bytes are saved (and synced) in the journal first. */
  overwriteFile(absolute: string, content: Buffer, mode: number): void {
    const info = lstatSync(absolute);
    const p = this.rel(absolute);
    this.log({ op: 'overwrite', p, b: this.backup(readFileSync(absolute)), m: info.mode & 0o777, h: hashContent(content) });
    writeFileSync(absolute, content);
    chmodSync(absolute, mode);
    this.log({ op: 'done', p });
  }

  /** Deletes a regular file; its bytes are saved (and synced) in the journal first. */
  removeFile(absolute: string): void {
    const info = lstatSync(absolute);
    this.log({ op: 'remove', p: this.rel(absolute), b: this.backup(readFileSync(absolute)), m: info.mode & 0o777 });
    unlinkSync(absolute); // sync: nothing may come between the log line and the removal
  }

  /** Removes an empty folder, logged first (undone by making it again). */
  removeDir(absolute: string): void {
    this.log({ op: 'rmdir', p: this.rel(absolute) });
    rmdirSync(absolute);
  }

  /** A folder a post step will create as a whole (`.git`, `.venv`): removed on rollback. */
  tree(absolute: string): void {
    this.log({ op: 'tree', p: this.rel(absolute) });
  }

  /** The run succeeded: the journal goes (removing the log first is the commit point). */
  async commit(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    this.close();
    await releaseProjectLock(this.root);
  }

  /** Undoes everything logged, newest first; never touches anything it did not log. */
  async rollback(): Promise<string[]> {
    if (this.finished) return [];
    this.finished = true;
    this.close();
    const problems = await undoEntries(this.root, this.entries, (b) => readFileSync(path.join(this.dir, b)));
    await releaseProjectLock(this.root);
    // The folders this run made (the project's among them) go once the journal inside is gone.
    problems.push(...(await removeMadeFolders(this.root, this.entries)));
    return problems;
  }

  private log(entry: JournalEntry): void {
    this.entries.push(entry);
    if (this.fd !== undefined) writeSync(this.fd, signLine(entry, this.key));
  }

  private backup(content: Buffer): string {
    const name = `backup-${++this.backups}`;
    const fd = openSync(path.join(this.dir, name), 'wx', 0o600);
    try {
      writeFileSync(fd, content);
      fsyncSync(fd); // the user's bytes are on disk before they are replaced
    } finally {
      closeSync(fd);
    }
    return name;
  }

  private close(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }

  private rel(absolute: string): string {
    return relativeTo(this.root, absolute);
  }
}

function relativeTo(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/') || '.';
}
