import type { Answers } from '../options/schema.js';

export const RECORD_FILE = '.create-ml-prod.json';

/** What the generated repo records about its generation: no timestamps, so output is reproducible. */
export interface AnswersRecord {
  readonly generator: 'create-ml-prod';
  readonly version: string;
  readonly answers: Answers;
}

export function serialiseRecord(version: string, answers: Answers): string {
  const record: AnswersRecord = { generator: 'create-ml-prod', version, answers };
  return `${JSON.stringify(record, null, 2)}\n`;
}
