import { mkdirSync, rmdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * `mkdir -p` one folder at a time, returning the folders it made (outermost first); on a
 * failure it removes those again. Node's `mkdirSync(dir, { recursive: true })` loops forever
 * (100% CPU) under /proc; this walk makes at most one attempt per path segment.
 */
export function makeDirs(dir: string, mode = 0o777): string[] {
  const missing: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    try {
      if (statSync(current).isDirectory()) break;
      throw Object.assign(new Error(`${current} is not a folder`), { code: 'ENOTDIR', path: current });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      missing.push(current);
      const parent = path.dirname(current);
      if (parent === current) break;
      current = parent;
    }
  }
  const made: string[] = [];
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder, { mode });
      made.push(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      for (const m of [...made].reverse()) {
        try {
          rmdirSync(m);
        } catch {
          // keep going: the failure below is what matters
        }
      }
      throw error;
    }
  }
  return made;
}
