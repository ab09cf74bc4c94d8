import { createTwoFilesPatch } from 'diff';
import { execa } from 'execa';
import { lstat, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { commitPlan } from '../fs/commitPlan.js';
import type { PlannedAction } from '../fs/conflicts.js';
import { Journal } from '../fs/journal.js';
import { hashContent, RECORD_FILE } from '../plan/answersRecord.js';
import type { Plan } from '../plan/plan.js';
import { currentGenerator, generatorFor } from './generators.js';
import { mergeFile, type MergeOutcome } from './mergeFile.js';
import { readRecord } from './readRecord.js';

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
}

/**
 * Three-way update: base = what the recorded version and answers generated, ours = the disk,
 * theirs = what this version generates with the (changed) answers. Untouched files follow the
 * template, non-overlapping edits merge, overlapping edits get conflict markers, deleted files
 * stay deleted, and files no longer generated go only if never edited.
 */
export async function updateProject(options: UpdateOptions): Promise<UpdateResult> {
  const root = path.resolve(options.cwd ?? process.cwd(), options.directory);
  const record = await readRecord(root);
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
  const paths = [...new Set([...base.keys(), ...theirs.keys(), ...Object.keys(record.files)])].filter((p) => p !== RECORD_FILE).sort();
  const labels = { ours: 'yours', base: `create-ml-prod ${record.version}`, theirs: `create-ml-prod ${currentGenerator.version}` };

  const changes: FileChange[] = [];
  const writes: PlannedAction[] = [];
  const removals: string[] = [];
  const diffs: string[] = [];
  for (const rel of paths) {
    const ours = await readIfFile(path.join(root, rel));
    // Without the recorded version's output, a file whose hash still matches the record is the base.
    const baseContent = base.get(rel) ?? (ours && record.files[rel] === hashContent(ours) ? ours : undefined);
    const outcome = mergeFile({ ours, base: baseContent, theirs: theirs.get(rel), wasGenerated: rel in record.files || base.has(rel), labels });
    if (outcome.kind === 'unchanged') continue;
    changes.push({ path: rel, outcome: outcome.kind });
    if ('content' in outcome && !(outcome.kind === 'conflict' && ours?.equals(outcome.content))) {
      writes.push({ file: { path: rel, content: outcome.content, mode: modes.get(rel) ?? 0o644, source: '' }, action: ours ? 'overwrite' : 'create' });
      diffs.push(patch(rel, ours, outcome.content));
    }
    if (outcome.kind === 'remove') {
      removals.push(rel);
      diffs.push(patch(rel, ours, undefined));
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
  };
  if (options.dryRun) return result;

  const journal = new Journal();
  try {
    await commitPlan({ root, actions: writes, journal, ...(options.signal ? { signal: options.signal } : {}) });
    for (const rel of removals) {
      const file = path.join(root, rel);
      const info = await lstat(file);
      journal.removed.push({ path: file, content: await readFile(file), mode: info.mode & 0o777 });
      await rm(file);
    }
  } catch (error) {
    await journal.rollback();
    throw error;
  }
  return result;
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
  const status = await execa('git', ['status', '--porcelain'], { cwd: root, reject: false, stdin: 'ignore' });
  if (status.failed) {
    throw new UsageError(`${root} is not a git work tree: commit the project to git first (so the update can be undone), or pass --allow-dirty`);
  }
  if (String(status.stdout).trim() !== '') {
    throw new UsageError('the work tree has uncommitted changes: commit or stash them first (so the update can be undone), or pass --allow-dirty');
  }
}
