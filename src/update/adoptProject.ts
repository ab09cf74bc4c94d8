import { existsSync, statSync } from 'node:fs';
import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { commitPlan } from '../fs/commitPlan.js';
import { Journal } from '../fs/journal.js';
import { isSafeProjectPath } from '../fs/projectPaths.js';
import { recoverProject } from '../fs/recoverProject.js';
import { realTarget } from '../fs/realTarget.js';
import { hashContent } from '../fs/hashContent.js';
import { RECORD_FILE, serialiseRecord, type AnswersRecord } from '../plan/answersRecord.js';
import { assertClean } from './assertClean.js';
import { currentGenerator } from './generators.js';
import { toLf } from './lineEndings.js';

export interface AdoptResult {
  readonly root: string;
  readonly version: string;
  /** Files already exactly what this version generates: recorded, so updates follow the template. */
  readonly untouched: readonly string[];
  /** Files that differ from what we would generate: the team's, in the record's ownership.skip. */
  readonly yours: readonly string[];
  /** Files we would generate that the repository lacks: `update` adds them. */
  readonly missing: readonly string[];
}

/** Refuses what adopt cannot take over, before any question is asked: nothing is changed. */
export async function assertAdoptable(root: string): Promise<void> {
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`${root} is not a folder: give the repository to adopt`);
  if (existsSync(path.join(root, RECORD_FILE))) {
    throw new UsageError(`${root} already has ${RECORD_FILE}: it is a create-ml-prod project, so use check, update or add`);
  }
  await assertClean(root, 'adopt');
}

/**
 * Takes over a repository create-ml-prod did not generate: the only file written is the record.
 * Files identical to what these answers generate are recorded as generated; the others are the
 * team's (ownership.skip: never updated); files the repository lacks are left for `update`.
 */
export async function adoptProject(options: {
  directory: string;
  cwd?: string;
  answers: Readonly<Record<string, unknown>>;
  signal?: AbortSignal;
}): Promise<AdoptResult> {
  const root = realTarget(path.resolve(options.cwd ?? process.cwd(), options.directory));
  await assertAdoptable(root);
  const plan = await currentGenerator.render({ answers: options.answers, projectRoot: root });
  const files: Record<string, string> = {};
  const untouched: string[] = [];
  const yours: string[] = [];
  const missing: string[] = [];
  for (const file of plan.files) {
    if (file.path === RECORD_FILE) continue;
    const disk = isSafeProjectPath(root, file.path, false) ? await readIfFile(path.join(root, file.path)) : undefined;
    if (disk === undefined) missing.push(file.path);
    else if (hashContent(toLf(disk).text!) === hashContent(file.content)) {
      untouched.push(file.path);
      files[file.path] = hashContent(file.content);
    } else yours.push(file.path);
  }
  const record: AnswersRecord = {
    generator: 'create-ml-prod',
    version: currentGenerator.version,
    answers: plan.answers as AnswersRecord['answers'],
    files,
    ...(yours.length > 0 ? { ownership: { skip: yours } } : {}),
  };
  await recoverProject(root);
  const journal = await Journal.begin(root, 'adopt');
  try {
    const content = Buffer.from(serialiseRecord(record), 'utf8');
    await commitPlan({ root, actions: [{ file: { path: RECORD_FILE, content, mode: 0o644, source: '' }, action: 'create' }], journal, ...(options.signal ? { signal: options.signal } : {}) });
    await journal.commit();
  } catch (error) {
    await journal.rollback();
    throw error;
  }
  return { root, version: currentGenerator.version, untouched, yours, missing };
}

async function readIfFile(file: string): Promise<Buffer | undefined> {
  try {
    return (await lstat(file)).isFile() ? await readFile(file) : undefined;
  } catch {
    return undefined;
  }
}
