import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onInterrupt } from './onInterrupt.mjs';

/**
 * A new empty directory under the system temp dir, and the function that removes it (also run
 * if the bench is interrupted first).
 * @param {string} prefix
 * @returns {{ dir: string, remove: () => void }}
 */
export function freshDir(prefix) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `cmp-bench-${prefix}-`));
  // Retries: a process the measure started may still be writing its last files (ENOTEMPTY).
  const drop = () => rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  const unregister = onInterrupt(drop);
  return {
    dir,
    remove: () => {
      unregister();
      drop();
    },
  };
}
