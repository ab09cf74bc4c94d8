import path from 'node:path';
import { ExitCode } from '../errors.js';
import { addableComponents, findAddable } from '../update/addable.js';
import { readRecord } from '../plan/readRecord.js';
import { updateProject, type UpdateResult } from '../update/updateProject.js';
import type { Output } from '../ui/output.js';
import type { ParsedArgs } from './parseArgs.js';

type UpdateArgs = Extract<ParsedArgs, { kind: 'update' | 'add' }>;

/** `update [dir] [--answer flags]` and `add <component> [dir]`: the same three-way update. */
export async function runUpdate(out: Output, cwd: string, parsed: UpdateArgs, signal: AbortSignal): Promise<number> {
  const directory = parsed.directory ?? '.';
  let changes = parsed.flags;
  if (parsed.kind === 'add') {
    const record = await readRecord(path.resolve(cwd, directory));
    if (!parsed.component) {
      const addable = addableComponents(record.answers);
      out.line(addable.length ? 'Components this project can add:' : 'Every component is already in this project.');
      for (const item of addable) out.line(`  ${item.name.padEnd(22)} ${item.help}`);
      return ExitCode.ok;
    }
    changes = { ...findAddable(record.answers, parsed.component).change };
  }
  const result = await updateProject({
    directory,
    cwd,
    changes,
    dryRun: parsed.dryRun,
    allowDirty: parsed.allowDirty,
    ...(parsed.previous ? { previous: path.resolve(cwd, parsed.previous) } : {}),
    signal,
  });
  report(out, result, parsed.dryRun);
  return result.conflicts.length > 0 ? ExitCode.failure : ExitCode.ok;
}

function report(out: Output, result: UpdateResult, dryRun: boolean): void {
  out.line(`${dryRun ? 'Would update' : 'Updated'} ${result.root} from create-ml-prod ${result.from} to ${result.to}`);
  if (!result.exactBase) {
    out.warn(`create-ml-prod ${result.from} could not be loaded or could not render this record: files you edited are compared with the template as two-way conflicts`);
  }
  if (dryRun && result.diff) out.line(result.diff.trimEnd());
  const verbs: Record<string, string> = {
    create: 'added', update: 'updated', merge: 'merged', conflict: 'CONFLICT', keep: 'kept (your edit)',
    'keep-deleted': 'kept deleted', remove: 'removed', 'keep-orphan': 'kept (no longer generated, edited)',
  };
  for (const line of result.migrated) out.step(`record migrated: ${line}`);
  for (const change of result.changes) {
    const moved: Record<string, string> = { merge: 'moved (merged)', conflict: 'moved (CONFLICT)', keep: 'moved (your file, kept)' };
    const verb = change.always ? 'replaced (ownership: always)' : change.movedFrom ? (moved[change.outcome] ?? 'moved') : (verbs[change.outcome] ?? change.outcome);
    out.line(`  ${verb.padEnd(36)} ${change.path}${change.movedFrom ? ` (moved from ${change.movedFrom})` : ''}`);
  }
  for (const option of result.newOptions) {
    const value = Array.isArray(option.value) ? option.value.join(',') : String(option.value);
    const set = option.kind === 'boolean' ? `--${option.value ? 'no-' : ''}${option.flag}` : `--${option.flag} <value>`;
    out.step(`new option --${option.flag}: took its default (${value}); to change it: create-ml-prod update ${set}`);
  }
  if (result.changes.length === 0) out.success('Already up to date.');
  if (result.orphans.length > 0) out.warn(`no longer generated but edited, so kept: ${result.orphans.join(', ')}`);
  if (result.relock) {
    out.warn(`the update ${dryRun ? 'would change' : 'changed'} the dependencies; your lock is left as it is: run make lock, then commit the lock with the update`);
  }
  if (result.conflicts.length > 0) {
    out.error(`${result.conflicts.length} conflict(s): resolve the <<<<<<< markers in ${result.conflicts.join(', ')}, then commit`);
  }
}
