import { createHash, createHmac, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { cacheHome } from './cacheHome.js';
import { makeDirs } from './makeDirs.js';
import path from 'node:path';

/**
 * The write-ahead journal's on-disk form: one JSON entry a line, each signed with a key that
 * only this user has, so a journal committed to a repository by someone else (or edited by
 * hand) is never replayed: recovery acts only on lines this user's runs wrote.
 */
export const JOURNAL_DIR = '.create-ml-prod.journal';
export const JOURNAL_LOG = 'log';
export const JOURNAL_OWNER = 'owner.json';

export type JournalEntry =
  /** A folder about to be made (relative to the project; `..` for a parent made for it). */
  | { readonly op: 'dir'; readonly p: string }
  /** A file about to be created with content of this hash; `done` follows once it is whole. */
  | { readonly op: 'file'; readonly p: string; readonly h: string }
  /** A file about to be replaced; its original bytes and mode are in backup `b`. */
  | { readonly op: 'overwrite'; readonly p: string; readonly b: string; readonly m: number; readonly h: string }
  /** A file about to be deleted; its bytes and mode are in backup `b`. */
  | { readonly op: 'remove'; readonly p: string; readonly b: string; readonly m: number }
  /** An empty folder about to be removed (update: the folders removed files leave empty). */
  | { readonly op: 'rmdir'; readonly p: string }
  /** A folder a post step is about to create as a whole (`.git`, `.venv`). */
  | { readonly op: 'tree'; readonly p: string }
  /** The file at `p` is completely written. */
  | { readonly op: 'done'; readonly p: string }
  /** The file at `p` could not be created (something was in the way): it is not this run's. */
  | { readonly op: 'failed'; readonly p: string };

/** The user's journal key: made once, readable by the user only. Undefined when it cannot be had. */
export function journalKey(env: NodeJS.ProcessEnv = process.env): Buffer | undefined {
  const dir = cacheHome(env);
  const file = path.join(dir, 'journal.key');
  try {
    return readFileSync(file);
  } catch {
    try {
      makeDirs(dir, 0o700);
      writeFileSync(file, randomBytes(32), { mode: 0o600, flag: 'wx' });
      return readFileSync(file);
    } catch {
      return undefined;
    }
  }
}

export function signLine(entry: JournalEntry, key: Buffer | undefined): string {
  const json = JSON.stringify(entry);
  return `${json}\t${key ? createHmac('sha256', key).update(json).digest('hex') : '-'}\n`;
}

/**
 * signLine for many lines with one key: the same HMAC-SHA256 (RFC 2104), its two padded key
 * blocks hashed once and their states copied per line, a third of createHmac's cost a line.
 */
export function lineSigner(key: Buffer | undefined): (entry: JournalEntry) => string {
  if (!key) return (entry) => signLine(entry, key);
  const block = Buffer.alloc(64);
  (key.length > 64 ? createHash('sha256').update(key).digest() : key).copy(block);
  const padded = (byte: number) => Buffer.from(block.map((b) => b ^ byte));
  const inner = createHash('sha256').update(padded(0x36));
  const outer = createHash('sha256').update(padded(0x5c));
  return (entry) => {
    const json = JSON.stringify(entry);
    const mac = outer.copy().update(inner.copy().update(json).digest()).digest('hex');
    return `${json}\t${mac}\n`;
  };
}

/** The entries of a log; a line that is torn (the last, at a crash) or not signed by `key` ends the trust. */
export function parseLog(text: string, key: Buffer | undefined): { entries: JournalEntry[]; untrusted: number } {
  const entries: JournalEntry[] = [];
  const lines = text.split('\n').filter((l) => l !== '');
  for (const [index, line] of lines.entries()) {
    const tab = line.lastIndexOf('\t');
    const json = line.slice(0, tab);
    const mac = line.slice(tab + 1);
    const good = key !== undefined && tab > 0 && createHmac('sha256', key).update(json).digest('hex') === mac;
    if (!good) return { entries, untrusted: lines.length - index };
    entries.push(JSON.parse(json) as JournalEntry);
  }
  return { entries, untrusted: 0 };
}
