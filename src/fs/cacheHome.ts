import os from 'node:os';
import path from 'node:path';

/** `$XDG_CACHE_HOME/create-ml-prod` (or `~/.cache/create-ml-prod`): one rule for every cache we keep. */
export function cacheHome(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'create-ml-prod');
}
