import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { hashContent } from '../fs/hashContent.js';
import { RECORD_FILE } from '../plan/answersRecord.js';
import { currentGenerator } from './generators.js';
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
  readonly upToDate: boolean;
}

/** Is the project behind this generator (same answers, new output), and which files were edited? */
export async function checkProject(options: { directory: string; cwd?: string }): Promise<CheckResult> {
  const root = realTarget(path.resolve(options.cwd ?? process.cwd(), options.directory));
  const record = await readRecord(root);
  assertNotNewer(record.version, 'check');
  const plan = await currentGenerator.render({
    answers: record.answers,
    projectRoot: root,
    ...(record.template ? { template: record.template } : {}),
  });
  const fresh = new Map(plan.files.filter((f) => f.path !== RECORD_FILE).map((f) => [f.path, hashContent(f.content)]));
  const paths = [...new Set([...fresh.keys(), ...Object.keys(record.files)])].sort();
  const behind = paths.filter((p) => fresh.get(p) !== record.files[p]);
  const drifted: string[] = [];
  for (const [rel, hash] of Object.entries(record.files)) {
    const disk = isSafeProjectPath(root, rel, false) ? await hashIfFile(path.join(root, rel)) : undefined;
    if (disk !== hash) drifted.push(rel);
  }
  return { from: record.version, to: currentGenerator.version, behind, drifted: drifted.sort(), upToDate: behind.length === 0 };
}

async function hashIfFile(file: string): Promise<string | undefined> {
  try {
    // CRLF checkouts (core.autocrlf) hash as LF, as they were generated.
    return (await lstat(file)).isFile() ? hashContent(toLf(await readFile(file)).text!) : undefined;
  } catch {
    return undefined;
  }
}
