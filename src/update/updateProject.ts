import { createTwoFilesPatch } from 'diff';
import { execa } from 'execa';
import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CancelledError, UsageError } from '../errors.js';
import { commitPlan } from '../fs/commitPlan.js';
import type { PlannedAction } from '../fs/conflicts.js';
import { Journal } from '../fs/journal.js';
import { JOURNAL_DIR } from '../fs/journalLog.js';
import { isSafeProjectPath } from '../fs/projectPaths.js';
import { assertNoJournal, recoverProject } from '../fs/recoverProject.js';
import { realTarget } from '../fs/realTarget.js';
import { assertNotNewer } from './versionGuard.js';
import { fromLf, toLf } from './lineEndings.js';
import { hashContent, RECORD_FILE } from '../plan/answersRecord.js';
import type { Plan } from '../plan/plan.js';
import { currentGenerator, generatorFor } from './generators.js';
import { mergeFile, type MergeOutcome } from './mergeFile.js';
import { readRecord } from './readRecord.js';
import { changesLock, isLockFile } from './dependencyInputs.js';

export interface UpdateOptions {
  /** The project folder, relative to `cwd`. */
  readonly directory: string;
  readonly cwd?: string;
  /** Answers to change, e.g. `{ task: 'regression' }` (update) or one component added (add). */
  readonly changes?: Readonly<Record<string, unknown>>;
  readonly dryRun?: boolean;
  /** Run on a dirty (or non-git) work tree; without it, every update can be undone with git. */
  readonly allowDirty?: boolean;
  /** An unpacked package of the recorded generator version (offline, tests). */
  readonly previous?: string;
  readonly signal?: AbortSignal;
}

export interface FileChange {
  readonly path: string;
  readonly outcome: MergeOutcome['kind'];
}

export interface UpdateResult {
  readonly root: string;
  readonly from: string;
  readonly to: string;
  /** False when the recorded version could not be rendered and file hashes stood in for it. */
  readonly exactBase: boolean;
  readonly changes: readonly FileChange[];
  readonly conflicts: readonly string[];
  /** Edited files the new answers no longer generate: kept. */
  readonly orphans: readonly string[];
  /** Unified diffs per file (dry run only). */
  readonly diff: string;
  /** The update changed what the lock resolves (the lock itself is never touched): run `make lock`. */
  readonly relock: boolean;
}

/**
 * Three-way update: base = what the recorded version and answers generated, ours = the disk,
 * theirs = what this version generates with the (changed) answers. Untouched files follow the
 * template, non-overlapping edits merge, overlapping edits get conflict markers, deleted files
 * stay deleted, and files no longer generated go only if never edited.
 */
export async function updateProject(options: UpdateOptions): Promise<UpdateResult> {
  const root = realTarget(path.resolve(options.cwd ?? process.cwd(), options.directory));
  await readRecord(root); // a clear message first when this is no project of ours
  // One writer at a time: the journal folder is the lock; an interrupted run is replayed first.
  if (options.dryRun) {
    await assertNoJournal(root);
    return (await planUpdateWithWrites(root, options)).result;
  }
  await recoverProject(root);
  const journal = await Journal.begin(root, 'update');
  try {
    const { result, writes, removals } = await planUpdateWithWrites(root, options);
    await commitPlan({ root, actions: writes, journal, ...(options.signal ? { signal: options.signal } : {}) });
    for (const rel of removals) journal.removeFile(path.join(root, ...rel.split('/')));
    if (options.signal?.aborted) throw new CancelledError('Cancelled: nothing was changed.');
    await journal.commit();
    return result;
  } catch (error) {
    await journal.rollback();
    throw error;
  }
}

async function planUpdateWithWrites(root: string, options: UpdateOptions) {
  const record = await readRecord(root);
  assertNotNewer(record.version, 'update');
  if (!options.allowDirty) await assertClean(root);

  const previous = await generatorFor(record.version, options.previous);
  const template = record.template ? { template: record.template } : {};
  const basePlan = previous ? await previous.render({ answers: record.answers, projectRoot: root, ...template }) : undefined;
  const newPlan = await currentGenerator.render({
    answers: { ...record.answers, ...(options.changes ?? {}) },
    projectRoot: root,
    ...template,
  });

  const base = contents(basePlan);
  const theirs = contents(newPlan);
  const modes = new Map(newPlan.files.map((f) => [f.path, f.mode]));
  const paths = [...new Set([...base.keys(), ...theirs.keys(), ...Object.keys(record.files)])].filter((p) => p !== RECORD_FILE && !isLockFile(p)).sort();
  const labels = { ours: 'yours', base: `create-ml-prod ${record.version}`, theirs: `create-ml-prod ${currentGenerator.version}` };

  const changes: FileChange[] = [];
  const writes: PlannedAction[] = [];
  const removals: string[] = [];
  const diffs: string[] = [];
  let relock = false;
  for (const rel of paths) {
    // Never through a symbolic link, never outside the project (the record was checked too).
    if (!isSafeProjectPath(root, rel, false)) throw new UsageError(`${rel} lies behind a symbolic link or outside the project: update stops (nothing was changed)`);
    const raw = await readIfFile(path.join(root, rel));
    // CRLF checkouts (core.autocrlf) compare as LF, and keep CRLF when written back.
    const { text: ours, crlf } = toLf(raw);
    const theirsContent = theirs.get(rel);
    const recorded = record.files[rel];
    // Without the recorded version's output, the record's hashes stand in: a file that still
    // matches is the base, and a template whose output still matches did not change.
    const baseContent =
      base.get(rel) ??
      (ours && recorded === hashContent(ours) ? ours : theirsContent && recorded === hashContent(theirsContent) ? theirsContent : undefined);
    const outcome = mergeFile({ ours, base: baseContent, theirs: theirsContent, wasGenerated: rel in record.files || base.has(rel), labels });
    if (outcome.kind === 'unchanged') continue;
    changes.push({ path: rel, outcome: outcome.kind });
    if ('content' in outcome && !(outcome.kind === 'conflict' && ours?.equals(outcome.content))) {
      const content = crlf ? fromLf(outcome.content) : outcome.content;
      writes.push({ file: { path: rel, content, mode: modes.get(rel) ?? 0o644, source: '' }, action: raw ? 'overwrite' : 'create' });
      relock ||= changesLock(rel, raw, content);
      diffs.push(patch(rel, raw, content));
    }
    if (outcome.kind === 'remove') {
      removals.push(rel);
      relock ||= changesLock(rel, raw, undefined);
      diffs.push(patch(rel, raw, undefined));
    }
  }
  const recordFile = newPlan.files.find((f) => f.path === RECORD_FILE);
  if (recordFile) {
    const current = await readIfFile(path.join(root, RECORD_FILE));
    if (!current?.equals(recordFile.content)) writes.push({ file: recordFile, action: current ? 'overwrite' : 'create' });
  }

  const result: UpdateResult = {
    root,
    from: record.version,
    to: currentGenerator.version,
    exactBase: basePlan !== undefined,
    changes,
    conflicts: changes.filter((c) => c.outcome === 'conflict').map((c) => c.path),
    orphans: changes.filter((c) => c.outcome === 'keep-orphan').map((c) => c.path),
    diff: options.dryRun ? diffs.join('') : '',
    relock,
  };
  return { result, writes, removals };
}

function contents(plan: Plan | undefined): Map<string, Buffer> {
  return new Map((plan?.files ?? []).filter((f) => f.path !== RECORD_FILE).map((f) => [f.path, f.content]));
}

async function readIfFile(file: string): Promise<Buffer | undefined> {
  try {
    const info = await lstat(file);
    return info.isFile() ? await readFile(file) : undefined;
  } catch {
    return undefined;
  }
}

function patch(rel: string, before: Buffer | undefined, after: Buffer | undefined): string {
  return createTwoFilesPatch(
    before ? `a/${rel}` : '/dev/null',
    after ? `b/${rel}` : '/dev/null',
    before?.toString('utf8') ?? '',
    after?.toString('utf8') ?? '',
  );
}

/** Refuses a dirty or non-git work tree, so every update can be undone with git. */
async function assertClean(root: string): Promise<void> {
  // The journal (this run's lock) is not part of the work tree's state.
  const status = await execa('git', ['status', '--porcelain', '--', '.', `:(exclude)${JOURNAL_DIR}`], { cwd: root, reject: false, stdin: 'ignore' });
  if (status.failed) {
    throw new UsageError(`${root} is not a git work tree: commit the project to git first (so the update can be undone), or pass --allow-dirty`);
  }
  if (String(status.stdout).trim() !== '') {
    throw new UsageError('the work tree has uncommitted changes: commit or stash them first (so the update can be undone), or pass --allow-dirty');
  }
}
