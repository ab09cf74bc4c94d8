import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** Whether an executable of that name is on PATH. */
export function onPath(tool: string, pathVariable: string | undefined): boolean {
  for (const dir of (pathVariable ?? '').split(path.delimiter)) {
    if (!dir) continue;
    try {
      accessSync(path.join(dir, tool), constants.X_OK);
      return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}
