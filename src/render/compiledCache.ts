/**
 * Compiled templates kept on disk between runs: compiling ~120 templates (parse, then generate
 * JavaScript) was most of a generation's time, and bundling precompiled templates pushed the
 * npm tarball past 400 kB. A template is compiled on the first run that needs it and stored under
 * the user's cache folder, keyed by a hash of the Handlebars version, the compile options and the
 * source. Beside it goes V8's code cache of that JavaScript, written after the template first
 * ran, so later runs neither parse nor compile it. Any problem with the cache (unwritable,
 * corrupted, a code cache from another Node) falls back to compiling: the cache only saves time.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cacheHome } from '../fs/cacheHome.js';
import { makeDirs } from '../fs/makeDirs.js';
import path from 'node:path';
import vm from 'node:vm';

/** `$XDG_CACHE_HOME/create-ml-prod/compiled` (or `~/.cache/...`); `CREATE_ML_PROD_NO_CACHE=1` turns it off. */
export function compiledCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CREATE_ML_PROD_NO_CACHE) return undefined;
  return path.join(cacheHome(env), 'compiled');
}

export interface LoadedSpec {
  /** The precompiled template specification, evaluated. */
  readonly spec: unknown;
  /** Its JavaScript source. */
  readonly code: string;
  /** Call after the template's first render: stores V8's code cache if it was missing or stale. */
  readonly ran: () => void;
}

export interface CompiledCache {
  /** The cache folder, when there is one. */
  readonly dir: string | undefined;
  /** The key of a template source (what its cache files are named after). */
  keyOf(source: string): string;
  /** The specification of `source`, from the cache or compiled (and stored) with `precompile`. */
  load(source: string, precompile: (source: string) => string): LoadedSpec;
  /** Writes a cache file atomically; gives up quietly (and for good) when the cache is unwritable. */
  store(file: string, content: string | Buffer): void;
}

export function createCompiledCache(dir: string | undefined, salt: string): CompiledCache {
  let writable = dir !== undefined;
  const store = (file: string, content: string | Buffer) => {
    if (!writable || dir === undefined) return;
    try {
      makeDirs(path.dirname(file)); // not mkdirSync's recursive: it spins under /proc
      const partial = `${file}.${process.pid}.tmp`;
      writeFileSync(partial, content);
      renameSync(partial, file); // atomic: a concurrent run reads the old file or the whole new one
    } catch {
      writable = false; // read-only home, full disk: compile in memory from now on
    }
  };
  const read = <T>(reader: () => T): T | undefined => {
    try {
      return reader();
    } catch {
      return undefined; // not cached yet
    }
  };
  const keys = new Map<string, string>();
  // sha1 is plenty for cache keys (nothing is trusted on a match but the bytes we wrote), and faster.
  const keyOf = (source: string) => {
    let key = keys.get(source);
    if (key === undefined) {
      key = createHash('sha1').update(salt).update('\0').update(source).digest('hex');
      keys.set(source, key);
    }
    return key;
  };
  return {
    dir,
    keyOf,
    store,
    load(source, precompile) {
      const file = dir ? path.join(dir, `${keyOf(source)}.js`) : undefined;
      let code = file ? read(() => readFileSync(file, 'utf8')) : undefined;
      const fresh = code === undefined;
      if (code === undefined) {
        code = precompile(source);
        if (file) store(file, code);
      }
      const codeFile = file && `${file.slice(0, -3)}.v8`;
      const cachedData = codeFile && !fresh ? read(() => readFileSync(codeFile)) : undefined;
      const script = new vm.Script(`(${code})`, { filename: file ?? 'template.js', ...(cachedData ? { cachedData } : {}) });
      const spec: unknown = script.runInThisContext();
      const needsCode = codeFile !== undefined && (!cachedData || script.cachedDataRejected === true);
      let stored = false;
      return {
        spec,
        code,
        ran: () => {
          if (!needsCode || stored || !codeFile) return;
          stored = true;
          store(codeFile, script.createCachedData());
        },
      };
    },
  };
}
