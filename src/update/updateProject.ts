import { createTwoFilesPatch } from 'diff';
import { execa } from 'execa';
import { lstatSync, readdirSync } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CancelledError, UsageError } from '../errors.js';
import { commitPlan } from '../fs/commitPlan.js';
import type { PlannedAction } from '../fs/conflicts.js';
import { Journal } from '../fs/journal.js';
import { isSafeProjectPath } from '../fs/projectPaths.js';
import { assertNoJournal, recoverProject } from '../fs/recoverProject.js';
import { realTarget } from '../fs/realTarget.js';
import { assertNotNewer } from './versionGuard.js';
import { fromLf, toLf } from './lineEndings.js';
import { hashContent } from '../fs/hashContent.js';
import { RECORD_FILE, serialiseRecord, type AnswersRecord } from '../plan/answersRecord.js';
import type { Plan, PlannedFile } from '../plan/plan.js';
import { flagName } from '../options/optionTypes.js';
import type { AnswerMigration } from './answerMigrations.js';
import { currentAnswers } from './currentAnswers.js';
import { ownershipMatcher, parseOwnership } from '../plan/ownership.js';
import { currentGenerator, generatorFor, type Generator } from './generators.js';
import type { RenderProjectInput } from '../renderProject.js';
import { mergeFile, type MergeOutcome } from './mergeFile.js';
import { readRecord } from '../plan/readRecord.js';
import { assertClean } from './assertClean.js';
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
  /** Answer migrations to apply (default: this version's declared ones). */
  readonly migrations?: readonly AnswerMigration[];
}

export interface FileChange {
  readonly path: string;
  readonly outcome: MergeOutcome['kind'];
  /** A package rename moved it here from this path. */
  readonly movedFrom?: string;
  /** An `always` glob of the record's ownership replaced it. */
  readonly always?: boolean;
}

/** An option this version has that the record did not answer: it took `value`. */
export interface NewOption {
  readonly id: string;
  readonly flag: string;
  readonly kind: string;
  readonly value: unknown;
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
  /** Answer migrations applied to the record (renamed or removed options and values). */
  readonly migrated: readonly string[];
  readonly newOptions: readonly NewOption[];
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
    removeEmptiedFolders(root, removals, journal);
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
  const current = currentAnswers(root, record, options.migrations);
  if (!options.allowDirty) await assertClean(root, 'update');

  const previous = await generatorFor(record.version, options.previous);
  const template = record.template ? { template: record.template } : {};
  // The recorded version renders the answers as it named them; this one, migrated.
  const basePlan = previous ? await renderBase(previous, { answers: record.answers, projectRoot: root, ...template }) : undefined;
  const newPlan = await currentGenerator.render({
    answers: { ...current.answers, ...(options.changes ?? {}) },
    projectRoot: root,
    ...template,
  });

  const base = contents(basePlan);
  const theirs = contents(newPlan);
  const modes = new Map(newPlan.files.map((f) => [f.path, f.mode]));
  const generated = [...new Set([...base.keys(), ...theirs.keys(), ...Object.keys(record.files)])].filter((p) => p !== RECORD_FILE && !isLockFile(p)).sort();
  const owner = ownershipMatcher(parseOwnership(record.ownership), generated);
  const labels = { ours: 'yours', base: `create-ml-prod ${record.version}`, theirs: `create-ml-prod ${currentGenerator.version}` };
  // A package rename: the user's files under the old package (edited or their own) move with it.
  const moves = await packageMoves(root, String(record.answers.packageName ?? ''), newPlan.answers.packageName);
  const movedFrom = new Map([...moves].map(([from, to]) => [to, from]));
  // Generated files the user deleted under the old package: their new paths stay deleted too.
  const renamedFrom = new Map<string, string>();
  for (const p of generated) {
    const to = renamePackagePath(p, String(record.answers.packageName ?? ''), newPlan.answers.packageName);
    if (to !== p) renamedFrom.set(to, p);
  }
  const paths = [...new Set([...generated, ...moves.values()])].sort();

  const changes: FileChange[] = [];
  const writes: PlannedAction[] = [];
  const removals: string[] = [];
  const diffs: string[] = [];
  let relock = false;
  for (const rel of paths) {
    // Never through a symbolic link, never outside the project (the record was checked too).
    if (!isSafeProjectPath(root, rel, false)) throw new UsageError(`${rel} lies behind a symbolic link or outside the project: update stops (nothing was changed)`);
    if (moves.has(rel)) continue; // handled at its new path
    if (owner.skipped(rel)) continue;
    const rawHere = await readIfFile(path.join(root, rel));
    const from = rawHere === undefined ? (movedFrom.get(rel) ?? renamedFrom.get(rel)) : undefined;
    const raw = from !== undefined ? await readIfFile(path.join(root, from)) : rawHere;
    const was = from ?? rel;
    // CRLF checkouts (core.autocrlf) compare as LF, and keep CRLF when written back.
    const { text: ours, crlf } = toLf(raw);
    const theirsContent = theirs.get(rel);
    const recorded = record.files[was];
    // Without the recorded version's output, the record's hashes stand in: a file that still
    // matches is the base, and a template whose output still matches did not change.
    const baseContent =
      base.get(was) ??
      (ours && recorded === hashContent(ours) ? ours : theirsContent && recorded === hashContent(theirsContent) ? theirsContent : undefined);
    // The record lists every generated file (an adopted project: only those that matched).
    const wasGenerated = was in record.files;
    const outcome = owner.always(rel)
      ? alwaysOutcome(ours, theirsContent, wasGenerated)
      : mergeFile({ ours, base: baseContent, theirs: theirsContent, wasGenerated, labels });
    if (from !== undefined) {
      // Moved with the package: what the merge keeps is written at the new path; the old one goes.
      if (ours === undefined) continue;
      if (outcome.kind === 'remove') {
        changes.push({ path: from, outcome: 'remove' });
        removals.push(from);
        diffs.push(patch(from, raw, undefined));
        continue;
      }
      const content = 'content' in outcome ? outcome.content : ours;
      const written = crlf ? fromLf(content) : content;
      changes.push({ path: rel, outcome: 'content' in outcome ? outcome.kind : theirsContent && ours.equals(theirsContent) ? 'update' : 'keep', movedFrom: from });
      writes.push({ file: { path: rel, content: written, mode: modes.get(rel) ?? 0o644, source: '' }, action: 'create' });
      removals.push(from);
      diffs.push(patch(from, raw, undefined), patch(rel, undefined, written));
      continue;
    }
    if (outcome.kind === 'unchanged') continue;
    changes.push({ path: rel, outcome: outcome.kind, ...(owner.always(rel) ? { always: true } : {}) });
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
  const recordFile = carriedRecord(newPlan, record, owner.skipped);
  const currentRecord = await readIfFile(path.join(root, RECORD_FILE));
  if (!currentRecord?.equals(recordFile.content)) writes.push({ file: recordFile, action: currentRecord ? 'overwrite' : 'create' });

  const result: UpdateResult = {
    root,
    from: record.version,
    to: currentGenerator.version,
    exactBase: basePlan !== undefined,
    changes,
    conflicts: changes.filter((c) => c.outcome === 'conflict').map((c) => c.path),
    orphans: changes.filter((c) => c.outcome === 'keep-orphan').map((c) => c.path),
    migrated: current.migrated,
    newOptions: current.newOptions
      .filter((o) => options.changes?.[o.id] === undefined)
      .map((o) => ({ id: o.id, flag: flagName(o.id), kind: o.kind, value: (newPlan.answers as Record<string, unknown>)[o.id] })),
    diff: options.dryRun ? diffs.join('') : '',
    relock,
  };
  return { result, writes, removals };
}

/**
 * The recorded version's output; undefined (the record's hashes stand in) when that version
 * refuses its own record: answers edited by hand, or named as a later version names them.
 */
async function renderBase(generator: Generator, input: RenderProjectInput): Promise<Plan | undefined> {
  try {
    return await generator.render(input);
  } catch (error) {
    if (error instanceof Error && error.name === 'UsageError') return undefined;
    throw error;
  }
}

/** An `always` file: the template's version, whatever is on disk; gone when no longer generated. */
function alwaysOutcome(ours: Buffer | undefined, theirs: Buffer | undefined, wasGenerated: boolean): MergeOutcome {
  if (theirs === undefined) return ours !== undefined && wasGenerated ? { kind: 'remove' } : { kind: 'unchanged' };
  if (ours?.equals(theirs)) return { kind: 'unchanged' };
  return { kind: ours === undefined ? 'create' : 'update', content: theirs };
}

/**
 * The new record, with what belongs to the team carried over: the ownership globs, and for
 * skipped files the old hash (they were not updated, so the old output is still their base).
 */
function carriedRecord(plan: Plan, old: AnswersRecord, skipped: (rel: string) => boolean): PlannedFile {
  const file = plan.files.find((f) => f.path === RECORD_FILE);
  if (!file) throw new Error(`the plan has no ${RECORD_FILE}`);
  const next = JSON.parse(file.content.toString('utf8')) as AnswersRecord;
  const files: Record<string, string> = {};
  for (const [rel, hash] of Object.entries(next.files)) {
    if (!skipped(rel)) files[rel] = hash;
    else if (old.files[rel] !== undefined) files[rel] = old.files[rel];
  }
  for (const [rel, hash] of Object.entries(old.files)) if (skipped(rel) && !(rel in files)) files[rel] = hash;
  const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)));
  const record: AnswersRecord = { ...next, files: sorted, ...(old.ownership ? { ownership: old.ownership } : {}) };
  return { ...file, content: Buffer.from(serialiseRecord(record), 'utf8') };
}

/**
 * old path -> new path for every file on disk whose path names the old package (`src/<old>/...`,
 * `dags/<old>_pipeline.py`): generated or the user's own, they follow the package.
 */
async function packageMoves(root: string, oldName: string, newName: string): Promise<Map<string, string>> {
  const moves = new Map<string, string>();
  if (!oldName || oldName === newName) return moves;
  const rename = (rel: string) => renamePackagePath(rel, oldName, newName);
  for (const folder of ['src', 'dags']) {
    for (const rel of await listFiles(root, folder)) {
      const next = rename(rel);
      if (next !== rel && (await readIfFile(path.join(root, next))) === undefined) moves.set(rel, next);
    }
  }
  return moves;
}

/** A path with the package's name in it (`src/<old>/...`, `dags/<old>_pipeline.py`) under the new name. */
function renamePackagePath(rel: string, oldName: string, newName: string): string {
  if (!oldName || oldName === newName || !/^(src|dags)\//.test(rel)) return rel;
  return rel
    .split('/')
    .map((s) => (s === oldName ? newName : s.startsWith(`${oldName}_`) ? `${newName}${s.slice(oldName.length)}` : s))
    .join('/');
}

/**
 * Regular files under a folder of the project, as project paths; links are not followed. In a git
 * work tree, what git ignores (__pycache__, build output) is not the user's work and stays.
 */
async function listFiles(root: string, folder: string): Promise<string[]> {
  const out: string[] = [];
  const ignored = await execa('git', ['ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--', folder], { cwd: root, reject: false, stdin: 'ignore' });
  const skip = new Set(ignored.failed ? [] : String(ignored.stdout).split('\0').filter(Boolean));
  const walk = async (rel: string) => {
    let entries;
    try {
      entries = await readdir(path.join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile() && !skip.has(child)) out.push(child);
    }
  };
  await walk(folder);
  return out;
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

/** Folders that the removed files leave empty go too (deepest first, never the project itself). */
function removeEmptiedFolders(root: string, removed: readonly string[], journal: Journal): void {
  const folders = new Set<string>();
  for (const rel of removed) {
    for (let dir = path.posix.dirname(rel); dir !== '.'; dir = path.posix.dirname(dir)) folders.add(dir);
  }
  for (const dir of [...folders].sort((a, b) => b.split('/').length - a.split('/').length)) {
    const absolute = path.join(root, ...dir.split('/'));
    try {
      if (lstatSync(absolute).isDirectory() && readdirSync(absolute).length === 0) journal.removeDir(absolute);
    } catch {
      /* gone already, or not ours to judge */
    }
  }
}
