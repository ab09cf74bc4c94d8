/**
 * Compiled templates kept on disk between runs: compiling ~70 templates (parse, then generate
 * JavaScript) was most of a generation's time, and bundling precompiled templates pushed the
 * npm tarball past 400 kB. A template is compiled on the first run that needs it, stored under
 * the user's cache folder keyed by a hash of the Handlebars version, the compile options and the
 * source, and loaded from there afterwards. Any problem with the cache (unwritable, corrupted)
 * falls back to compiling: the cache only ever saves time.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** `$XDG_CACHE_HOME/create-ml-prod/compiled` (or `~/.cache/...`); `CREATE_ML_PROD_NO_CACHE=1` turns it off. */
export function compiledCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CREATE_ML_PROD_NO_CACHE) return undefined;
  const home = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(home, 'create-ml-prod', 'compiled');
}

export interface CompiledCache {
  /** The precompiled specification (JavaScript source) of `source`, or compile and store it. */
  spec(source: string, precompile: (source: string) => string): string;
}

export function createCompiledCache(dir: string | undefined, salt: string): CompiledCache {
  let usable = dir !== undefined;
  return {
    spec(source, precompile) {
      if (!usable || dir === undefined) return precompile(source);
      const key = createHash('sha256').update(salt).update('\0').update(source).digest('hex').slice(0, 32);
      const file = path.join(dir, `${key}.js`);
      try {
        return readFileSync(file, 'utf8');
      } catch {
        // not cached yet
      }
      const spec = precompile(source);
      try {
        mkdirSync(dir, { recursive: true });
        const partial = `${file}.${process.pid}.tmp`;
        writeFileSync(partial, spec);
        renameSync(partial, file); // atomic: a concurrent run reads the old file or the whole new one
      } catch {
        usable = false; // read-only home, full disk: compile in memory from now on
      }
      return spec;
    },
  };
}
