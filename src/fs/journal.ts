import { chmodSync, closeSync, fchmodSync, fstatSync, fsyncSync, lstatSync, mkdirSync, openSync, readFileSync, rmdirSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { hashContent, hashOf } from './hashContent.js';
import { makeDirs } from './makeDirs.js';
import { JOURNAL_DIR, JOURNAL_LOG, journalKey, lineSigner, type JournalEntry } from './journalLog.js';
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
  private readonly sign: (entry: JournalEntry) => string;
  /** Where `root`'s descendants' absolute paths start. */
  private readonly prefix: string;
  private fd: number | undefined;
  /** Signed lines not on disk yet: a created file's `done`, written with the next line. */
  private pending = '';
  private backups = 0;
  private finished = false;
  /** Whether open() gives a mode exactly under this process's umask. */
  private readonly exactModes = new Map<number, boolean>();

  private constructor(
    readonly root: string,
    key: Buffer | undefined,
  ) {
    this.dir = path.join(root, JOURNAL_DIR);
    this.sign = lineSigner(key);
    this.prefix = root.endsWith(path.sep) ? root : root + path.sep;
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
    this.log({ op: 'file', p, h: hashOf(content) });
    let fd: number;
    try {
      fd = openSync(absolute, 'wx', mode);
    } catch (error) {
      this.log({ op: 'failed', p });
      throw error;
    }
    try {
      writeFileSync(fd, content);
      // The exact mode, whatever the umask: checked on the first file of each mode (the umask
      // does not change during a run), set only when the umask took bits away.
      let exact = this.exactModes.get(mode);
      if (exact === undefined) this.exactModes.set(mode, (exact = (fstatSync(fd).mode & 0o7777) === mode));
      if (!exact) fchmodSync(fd, mode);
    } finally {
      closeSync(fd);
    }
    // Written with the next line (or by flush): one write a file. Until then a crash leaves the
    // file logged without `done`, which recovery removes as this run's, as it is.
    this.log({ op: 'done', p }, true);
  }

  /** Writes the lines held back (the last file's `done`). */
  flush(): void {
    if (this.fd !== undefined && this.pending !== '') writeSync(this.fd, this.pending);
    this.pending = '';
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

  private log(entry: JournalEntry, later = false): void {
    this.entries.push(entry);
    if (this.fd === undefined) return;
    const line = this.sign(entry);
    if (later) {
      this.pending += line;
      return;
    }
    writeSync(this.fd, this.pending + line); // the held-back lines first: the order is the log's
    this.pending = '';
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
    this.flush();
    closeSync(this.fd);
    this.fd = undefined;
  }

  private rel(absolute: string): string {
    // Paths the run built from the root (the common case) need no path.relative.
    if (absolute.startsWith(this.prefix)) {
      const segments = absolute.slice(this.prefix.length).split(path.sep);
      if (!segments.some((s) => s === '' || s === '.' || s === '..')) return segments.join('/');
    }
    return relativeTo(this.root, absolute);
  }
}

function relativeTo(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/') || '.';
}
