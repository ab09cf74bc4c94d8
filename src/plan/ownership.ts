import { UsageError } from '../errors.js';
import { printable } from '../options/names.js';
import { RECORD_FILE } from './answersRecord.js';

/**
 * Who owns which files, from the record's `ownership`: `skip` globs are the team's (update and
 * check never touch them), `always` globs are the template's (update replaces them, edits or
 * not). Globs are POSIX paths relative to the project: `*` and `?` within a segment, `**` across.
 */
export interface Ownership {
  readonly skip: readonly string[];
  readonly always: readonly string[];
}

export const NO_OWNERSHIP: Ownership = { skip: [], always: [] };

/** The record's `ownership` checked: two lists of plain relative globs, nothing else. */
export function parseOwnership(value: unknown): Ownership {
  if (value === undefined) return NO_OWNERSHIP;
  const where = `${RECORD_FILE}: "ownership"`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(`${where} must be an object with "skip" and "always" lists of globs`);
  const extra = Object.keys(value).filter((k) => k !== 'skip' && k !== 'always');
  if (extra.length > 0) throw new UsageError(`${where} has unknown key ${printable(extra[0]!)}: only "skip" and "always" (lists of globs) are allowed`);
  const lists = value as { skip?: unknown; always?: unknown };
  const out = { skip: globList(lists.skip, 'skip'), always: globList(lists.always, 'always') };
  const both = out.skip.find((g) => out.always.includes(g));
  if (both) throw new UsageError(`${where}: "${printable(both)}" is in both skip and always: keep it in one`);
  return out;
}

function globList(value: unknown, name: string): string[] {
  if (value === undefined) return [];
  const where = `${RECORD_FILE}: "ownership.${name}"`;
  if (!Array.isArray(value)) throw new UsageError(`${where} must be a list of globs, e.g. ["docs/**", "README.md"]`);
  for (const glob of value) {
    const segments = typeof glob === 'string' ? glob.split('/') : [];
    if (typeof glob !== 'string' || glob === '' || glob.startsWith('/') || glob.includes('\\') || segments.some((s) => s === '' || s === '.' || s === '..')) {
      throw new UsageError(`${where}: ${printable(String(glob))} is not a glob relative to the project (like "docs/**" or "Makefile")`);
    }
  }
  return value as string[];
}

/** A glob as a regular expression: `**` any depth (also none), `*` and `?` within one segment. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

export interface OwnershipMatcher {
  readonly skipped: (rel: string) => boolean;
  readonly always: (rel: string) => boolean;
}

/**
 * Matchers for the globs; every glob must match at least one of `paths` (the project's files,
 * generated or on disk), else it is a typo that would silently protect nothing.
 */
export function ownershipMatcher(ownership: Ownership, paths: readonly string[]): OwnershipMatcher {
  const compile = (globs: readonly string[], name: string) => {
    const patterns = globs.map((g) => [g, globToRegExp(g)] as const);
    for (const [glob, re] of patterns) {
      if (!paths.some((p) => re.test(p))) {
        throw new UsageError(`${RECORD_FILE}: the ${name} glob "${printable(glob)}" matches no file of the project: fix or remove it (nothing was changed)`);
      }
    }
    return (rel: string) => patterns.some(([, re]) => re.test(rel));
  };
  return { skipped: compile(ownership.skip, 'skip'), always: compile(ownership.always, 'always') };
}
