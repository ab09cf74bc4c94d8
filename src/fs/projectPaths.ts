import { lstatSync } from 'node:fs';
import path from 'node:path';

/**
 * A path we may write, read or remove in a project: relative, normalised (no `.`, `..` or empty
 * segment, no backslash or NUL) and not inside `.git` (where a file becomes code: hooks, config).
 */
export function isPlainProjectPath(rel: unknown): rel is string {
  if (typeof rel !== 'string' || rel === '' || rel.includes('\\') || rel.includes('\0')) return false;
  if (path.posix.isAbsolute(rel) || path.win32.isAbsolute(rel)) return false;
  const segments = rel.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return false;
  return !segments.some(isGitFolderName);
}

/** `.git` in any case (case-insensitive filesystems) and with the trailing dots or spaces Windows drops. */
export function isGitFolderName(segment: string): boolean {
  return /^\.git[. ]*$/i.test(segment);
}

/**
 * A plain project path whose folders, on disk, are real folders inside the project: no
 * symbolic link on the way can lead out. `gitTree` allows exactly `.git`, the tree git init makes.
 */
export function isSafeProjectPath(root: string, rel: string, gitTree: boolean): boolean {
  if (!(gitTree && rel === '.git') && !isPlainProjectPath(rel)) return false;
  const segments = rel.split('/');
  let current = root;
  for (const segment of segments.slice(0, -1)) {
    current = path.join(current, segment);
    try {
      if (!lstatSync(current).isDirectory()) return false;
    } catch {
      return true; // a missing folder: nothing below it exists either
    }
  }
  return true;
}
