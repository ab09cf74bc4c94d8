import { UsageError } from '../errors.js';
import { printable } from '../options/names.js';
import { RECORD_FILE } from '../plan/answersRecord.js';
import { compareSemver } from './versionGuard.js';

/** One change of the options between releases, applied to records made before `version`. */
export type AnswerMigration =
  | { readonly version: string; readonly kind: 'rename-option'; readonly from: string; readonly to: string }
  | { readonly version: string; readonly kind: 'remove-option'; readonly option: string }
  /** A value of a choice or multi-choice option renamed (a removed value maps to its successor). */
  | { readonly version: string; readonly kind: 'rename-value'; readonly option: string; readonly from: string; readonly to: string };

/**
 * Every rename or removal of an option or value since the first release, oldest first. A record
 * made by an older version is migrated through them instead of failing on an unknown key. Add an
 * entry (and a case in test/unit/answerMigrations.test.ts) with every such change: none so far.
 */
export const answerMigrations: readonly AnswerMigration[] = [];

export interface Migrated {
  readonly answers: Record<string, unknown>;
  /** What changed, one line each, for the update report. */
  readonly applied: readonly string[];
}

/** The recorded answers as this version names them; `known` are the option ids this version has. */
export function migrateAnswers(
  answers: Readonly<Record<string, unknown>>,
  recordedVersion: string,
  known: ReadonlySet<string>,
  migrations: readonly AnswerMigration[] = answerMigrations,
): Migrated {
  const out: Record<string, unknown> = { ...answers };
  const applied: string[] = [];
  for (const m of migrations) {
    if (compareSemver(recordedVersion, m.version) >= 0) continue;
    if (m.kind === 'rename-option' && m.from in out) {
      out[m.to] = out[m.from];
      delete out[m.from];
      applied.push(`option "${m.from}" is now "${m.to}" (create-ml-prod ${m.version})`);
    } else if (m.kind === 'remove-option' && m.option in out) {
      delete out[m.option];
      applied.push(`option "${m.option}" was removed (create-ml-prod ${m.version})`);
    } else if (m.kind === 'rename-value') {
      const value = out[m.option];
      if (value === m.from) out[m.option] = m.to;
      else if (Array.isArray(value) && value.includes(m.from)) out[m.option] = [...new Set(value.map((v) => (v === m.from ? m.to : v)))];
      else continue;
      applied.push(`${m.option}: "${m.from}" is now "${m.to}" (create-ml-prod ${m.version})`);
    }
  }
  const unknown = Object.keys(out).filter((k) => !known.has(k));
  if (unknown.length > 0) {
    throw new UsageError(
      `${RECORD_FILE}: unknown answer${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${printable(k)}"`).join(', ')} (recorded by create-ml-prod ${recordedVersion}) and no migration for ${unknown.length > 1 ? 'them' : 'it'}: remove ${unknown.length > 1 ? 'them' : 'it'} from "answers", or run the create-ml-prod version that knows ${unknown.length > 1 ? 'them' : 'it'} (nothing was changed)`,
    );
  }
  return { answers: out, applied };
}
