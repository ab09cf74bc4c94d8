import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Files and bytes under a directory (symlinks counted as files, not followed).
 * @param {string} dir
 * @returns {{ files: number, bytes: number }}
 */
export function countTree(dir) {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = countTree(full);
      files += sub.files;
      bytes += sub.bytes;
    } else {
      files += 1;
      bytes += lstatSync(full).size;
    }
  }
  return { files, bytes };
}
