import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Entries that do not make a directory "non-empty": a fresh clone often has them. */
export const HARMLESS_ENTRIES = new Set(['.git', 'README.md', 'LICENSE', '.gitignore', '.idea', '.vscode']);

export interface TargetState {
  readonly exists: boolean;
  /** Entries other than the harmless ones. */
  readonly blocking: readonly string[];
}

export async function inspectTarget(dir: string): Promise<TargetState> {
  let entries: string[];
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) return { exists: true, blocking: [path.basename(dir)] };
    entries = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { exists: false, blocking: [] };
    throw error;
  }
  return { exists: true, blocking: entries.filter((e) => !HARMLESS_ENTRIES.has(e)).sort() };
}
