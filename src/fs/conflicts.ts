import { lstat } from 'node:fs/promises';
import path from 'node:path';
import type { PlannedFile } from '../plan/plan.js';

export type ConflictPolicy = 'skip' | 'overwrite' | 'abort';
export type FileAction = 'create' | 'overwrite' | 'skip';

export interface PlannedAction {
  readonly file: PlannedFile;
  readonly action: FileAction;
}

/** The planned files that already exist on disk (as anything: file, folder, link). */
export async function findConflicts(root: string, files: readonly PlannedFile[]): Promise<string[]> {
  const found: string[] = [];
  for (const file of files) {
    try {
      await lstat(path.join(root, file.path));
      found.push(file.path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // ENOTDIR: a parent is a file, which is a conflict as well.
      if (code === 'ENOTDIR') found.push(file.path);
      else if (code !== 'ENOENT') throw error;
    }
  }
  return found;
}

/** Every file with its action under the conflict policy ('abort' never reaches here with conflicts). */
export function applyPolicy(
  files: readonly PlannedFile[],
  conflicts: readonly string[],
  policy: 'skip' | 'overwrite',
): PlannedAction[] {
  const existing = new Set(conflicts);
  return files.map((file) => ({
    file,
    action: existing.has(file.path) ? policy : 'create',
  }));
}
