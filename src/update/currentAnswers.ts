import path from 'node:path';
import type { OptionDef } from '../options/optionTypes.js';
import { optionSchema } from '../options/schema.js';
import type { AnswersRecord } from '../plan/answersRecord.js';
import { loadTeamTemplate } from '../team/teamTemplate.js';
import { migrateAnswers, type AnswerMigration } from './answerMigrations.js';

export interface CurrentAnswers {
  /** The recorded answers migrated to this version's names. */
  readonly answers: Record<string, unknown>;
  readonly migrated: readonly string[];
  /** Options this version asks that the record has no answer for: they take their defaults. */
  readonly newOptions: readonly OptionDef[];
}

/** The record's answers as this version (and the team overlay, if any) knows them. */
export function currentAnswers(root: string, record: AnswersRecord, migrations?: readonly AnswerMigration[]): CurrentAnswers {
  const team = record.template ? loadTeamTemplate(path.resolve(root, record.template.path), record.template.path) : undefined;
  const options: readonly OptionDef[] = [...optionSchema, ...(team?.options ?? [])];
  const { answers, applied } = migrateAnswers(record.answers, record.version, new Set(options.map((o) => o.id)), migrations);
  return { answers, migrated: applied, newOptions: options.filter((o) => !(o.id in answers)) };
}
