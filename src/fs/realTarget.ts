import { realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * The target with the symbolic links among its existing parents resolved: `linkdir/proj` is
 * written into the folder `linkdir` points at, and every later check sees real folders.
 */
export function realTarget(target: string): string {
  const missing: string[] = [];
  let current = path.resolve(target);
  for (;;) {
    try {
      return path.join(realpathSync(current), ...missing.reverse());
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const parent = path.dirname(current);
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === current) return path.resolve(target);
      missing.push(path.basename(current));
      current = parent;
    }
  }
}
