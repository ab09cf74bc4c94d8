import { createHash } from 'node:crypto';

/** A file's short content hash: in the answers record (edited or not?) and in the journal (undo only our own writes). */
export function hashContent(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 16);
}
