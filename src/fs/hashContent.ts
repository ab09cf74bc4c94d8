import { createHash } from 'node:crypto';

/** A file's short content hash: in the answers record (edited or not?) and in the journal (undo only our own writes). */
export function hashContent(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 16);
}

const known = new WeakMap<Buffer, string>();

/**
 * hashContent of a planned file's bytes, computed once per buffer: the plan's record, the cache
 * check and the journal all need it. Planned contents are never modified once made.
 */
export function hashOf(content: Buffer): string {
  let hash = known.get(content);
  if (hash === undefined) {
    hash = hashContent(content);
    known.set(content, hash);
  }
  return hash;
}

