import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { printable } from '../options/names.js';
import { isPlainProjectPath } from '../fs/projectPaths.js';
import { RECORD_FILE, SEMVER, type AnswersRecord } from './answersRecord.js';
import { parseOwnership } from './ownership.js';

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
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
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
  // The version names the registry package update fetches: strict semver, never a path or URL.
  if (!SEMVER.test(record.version)) {
    throw new UsageError(`${RECORD_FILE}: "version" ${printable(record.version)} is not a create-ml-prod version (x.y.z): restore the file from git`);
  }
  // Every path update may write or remove: relative, normalised, inside the project, not in .git.
  for (const [rel, hash] of Object.entries(record.files)) {
    if (!isPlainProjectPath(rel) || rel === RECORD_FILE || typeof hash !== 'string' || !/^[0-9a-f]{16}$/.test(hash)) {
      throw new UsageError(`${RECORD_FILE}: the file entry "${printable(rel)}" is not a project path with its hash: restore the file from git`);
    }
  }
  parseOwnership(record.ownership);
  return record as AnswersRecord;
}
