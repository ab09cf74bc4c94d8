import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { RECORD_FILE, type AnswersRecord } from '../plan/answersRecord.js';

/** The project's `.create-ml-prod.json`, checked enough that update and check can trust it. */
export async function readRecord(projectRoot: string): Promise<AnswersRecord> {
  const file = path.join(projectRoot, RECORD_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`${projectRoot} has no ${RECORD_FILE}: run this in a project made by create-ml-prod`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError(`${RECORD_FILE} is not valid JSON: restore it from git`);
  }
  const record = data as Partial<AnswersRecord>;
  if (
    record.generator !== 'create-ml-prod' ||
    typeof record.version !== 'string' ||
    typeof record.answers !== 'object' ||
    record.answers === null ||
    typeof record.files !== 'object' ||
    record.files === null
  ) {
    throw new UsageError(`${RECORD_FILE} is not a create-ml-prod record (generator, version, answers, files): restore it from git`);
  }
  return record as AnswersRecord;
}
