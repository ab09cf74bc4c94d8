import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { hashContent } from '../fs/hashContent.js';
import { RECORD_FILE } from '../plan/answersRecord.js';
import { currentGenerator } from './generators.js';
import { currentAnswers } from './currentAnswers.js';
import { ownershipMatcher, parseOwnership } from '../plan/ownership.js';
import { readRecord } from '../plan/readRecord.js';
import { toLf } from './lineEndings.js';
import { assertNotNewer } from './versionGuard.js';
import { isSafeProjectPath } from '../fs/projectPaths.js';
import { realTarget } from '../fs/realTarget.js';

export interface CheckResult {
  readonly from: string;
  readonly to: string;
  /** Files this generator would produce differently from what the project was generated with. */
  readonly behind: readonly string[];
  /** Generated files the team has changed or deleted since. */
  readonly drifted: readonly string[];
  /** Options this version has that the record does not answer (update takes their defaults). */
  readonly newOptions: readonly string[];
  /** Answer migrations update would apply to the record. */
  readonly migrated: readonly string[];
  readonly upToDate: boolean;
}

/** Is the project behind this generator (same answers, new output), and which files were edited? */
export async function checkProject(options: { directory: string; cwd?: string }): Promise<CheckResult> {
  const root = realTarget(path.resolve(options.cwd ?? process.cwd(), options.directory));
  const record = await readRecord(root);
  assertNotNewer(record.version, 'check');
  const current = currentAnswers(root, record);
  const plan = await currentGenerator.render({
    answers: current.answers,
    projectRoot: root,
    ...(record.template ? { template: record.template } : {}),
  });
  const fresh = new Map(plan.files.filter((f) => f.path !== RECORD_FILE).map((f) => [f.path, hashContent(f.content)]));
  const paths = [...new Set([...fresh.keys(), ...Object.keys(record.files)])].sort();
  const owner = ownershipMatcher(parseOwnership(record.ownership), paths);
  const behind = paths.filter((p) => !owner.skipped(p) && fresh.get(p) !== record.files[p]);
  const drifted: string[] = [];
  for (const [rel, hash] of Object.entries(record.files)) {
    if (owner.skipped(rel)) continue;
    const disk = isSafeProjectPath(root, rel, false) ? await hashIfFile(path.join(root, rel)) : undefined;
    if (disk !== hash) drifted.push(rel);
  }
  // A new option changes nothing until it is set, and a migration only renames: neither is "behind".
  return {
    from: record.version,
    to: currentGenerator.version,
    behind,
    drifted: drifted.sort(),
    newOptions: current.newOptions.map((o) => o.id),
    migrated: current.migrated,
    upToDate: behind.length === 0,
  };
}

async function hashIfFile(file: string): Promise<string | undefined> {
  try {
    // CRLF checkouts (core.autocrlf) hash as LF, as they were generated.
    return (await lstat(file)).isFile() ? hashContent(toLf(await readFile(file)).text!) : undefined;
  } catch {
    return undefined;
  }
}
