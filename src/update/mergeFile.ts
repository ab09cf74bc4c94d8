import { mergeDiff3 } from 'node-diff3';

export type MergeOutcome =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'create' | 'update' | 'merge'; readonly content: Buffer }
  | { readonly kind: 'conflict'; readonly content: Buffer }
  /** The user's edit stays; the template did not change this file. */
  | { readonly kind: 'keep' }
  /** The user deleted it: it stays deleted. */
  | { readonly kind: 'keep-deleted' }
  /** No longer generated, and never edited: removed. */
  | { readonly kind: 'remove' }
  /** No longer generated, but edited: kept and listed. */
  | { readonly kind: 'keep-orphan' };

export interface MergeInput {
  /** What is on disk now. */
  readonly ours: Buffer | undefined;
  /** What the recorded generation produced, when it can be rendered or trusted. */
  readonly base: Buffer | undefined;
  /** What the new generation produces. */
  readonly theirs: Buffer | undefined;
  /** The file was part of the recorded generation (its hash is in the record). */
  readonly wasGenerated: boolean;
  readonly labels: { readonly ours: string; readonly base: string; readonly theirs: string };
}

const same = (a: Buffer | undefined, b: Buffer | undefined) => a !== undefined && b !== undefined && a.equals(b);

/** One file's three-way decision: never loses a byte of the user's edits. */
export function mergeFile({ ours, base, theirs, wasGenerated, labels }: MergeInput): MergeOutcome {
  if (theirs === undefined) {
    if (ours === undefined || !wasGenerated) return { kind: 'unchanged' };
    return same(ours, base) ? { kind: 'remove' } : { kind: 'keep-orphan' };
  }
  if (ours === undefined) return wasGenerated ? { kind: 'keep-deleted' } : { kind: 'create', content: theirs };
  if (same(ours, theirs)) return { kind: 'unchanged' };
  if (same(ours, base)) return { kind: 'update', content: theirs };
  if (same(theirs, base)) return { kind: 'keep' };
  if (isBinary(ours) || isBinary(theirs) || (base && isBinary(base))) return { kind: 'conflict', content: ours };
  // No base (it could not be rendered): every difference is the user's against the template's.
  const merged = mergeDiff3(lines(ours), lines(base ?? Buffer.alloc(0)), lines(theirs), {
    label: { a: labels.ours, o: labels.base, b: labels.theirs },
    excludeFalseConflicts: true,
  });
  const content = Buffer.from(merged.result.join('\n'), 'utf8');
  return merged.conflict ? { kind: 'conflict', content } : { kind: 'merge', content };
}

function lines(content: Buffer): string[] {
  return content.toString('utf8').split('\n');
}

function isBinary(content: Buffer): boolean {
  return content.subarray(0, 8000).includes(0);
}
