import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { freeDiskBytes } from './verifyCombination.js';

/** Free disk under which every pairwise project gets its own uv cache again. */
const SHARED_UV_MIN_FREE = 25e9;

/** The caches one pairwise project uses while it runs, and their return when it is done. */
export interface CacheLease {
  /** The caches' environment variables, given a folder of the project's own (removed with it). */
  readonly env: (own: string) => Record<string, string>;
  readonly release: () => void;
}

/**
 * The pairwise projects' caches, shared where that is safe.
 * - One uv cache for the whole run: uv locks its cache for concurrent use and hard-links a .venv
 *   from it, so a project whose packages an earlier one fetched installs them without the network
 *   and costs no disk of its own. With less than 25 GB free it is the project's own again.
 * - mypy caches, each used by one project at a time (a lease; as many as projects run at once):
 *   mypy re-checks what a cached module depends on and reuses a module only when its source hash,
 *   its options and mypy's version match, so a later project re-checks its own code but not the
 *   same numpy, pandas or pydantic again.
 * - Poetry and pip keep a cache of each project's own: two installs writing one CacheControl cache
 *   at once can read a half-written entry (python-poetry/poetry#11048; pip uses the same cache).
 * All of it is removed after the run.
 */
export function pairCaches(root: string): { lease: () => CacheLease; description: string; remove: () => void } {
  const uvCache = path.join(root, 'uv-cache');
  const sharedUv = freeDiskBytes(path.dirname(root)) >= SHARED_UV_MIN_FREE;
  if (sharedUv) mkdirSync(uvCache, { recursive: true });
  const mypyCaches: string[] = [];
  const free: string[] = [];
  return {
    lease: () => {
      let mypy = free.pop();
      if (mypy === undefined) {
        mypy = path.join(root, `mypy-cache-${mypyCaches.length + 1}`);
        mypyCaches.push(mypy);
      }
      const leased = mypy;
      return {
        env: (own) => ({
          UV_CACHE_DIR: sharedUv ? uvCache : path.join(own, 'uv'),
          MYPY_CACHE_DIR: leased,
          POETRY_CACHE_DIR: path.join(own, 'poetry'),
          PIP_CACHE_DIR: path.join(own, 'pip'),
        }),
        release: () => void free.push(leased),
      };
    },
    description: `${sharedUv ? `one uv cache for the run (${uvCache})` : 'a uv cache per project (under 25 GB free)'}, a mypy cache per running project, reused by the next`,
    remove: () => {
      for (const dir of [uvCache, ...mypyCaches]) rmSync(dir, { recursive: true, force: true });
    },
  };
}
