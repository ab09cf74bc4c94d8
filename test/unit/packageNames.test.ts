import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { derivePackageName, validatePackageName } from '../../src/options/names.js';
import { repoRoot } from '../helpers/cli.js';

describe('package names that would shadow a module', () => {
  it.each(['matplotlib', 'scipy', 'mlflow', 'sqlalchemy', 'dask', 'pyspark', 'prefect', 'redis', 'test', 'this', 'antigravity', '__main__', 'tomllib', 'filelock'])(
    'refuses %s with a suggestion',
    (name) => {
      expect(validatePackageName(name)).toMatch(/choose another package name/);
    },
  );

  it('derives a safe variant from a folder whose name collides', () => {
    for (const folder of ['mlflow', 'scipy', 'test']) {
      const derived = derivePackageName(folder);
      expect(derived).toBe(`${folder}_ml`);
      expect(validatePackageName(derived)).toBeUndefined();
    }
  });

  it('knows every module the templates import (else a package could shadow it)', () => {
    const imports = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.py(\.hbs)?$/.test(entry.name)) {
          for (const m of readFileSync(full, 'utf8').matchAll(/^\s*(?:import|from) ([a-z_][a-z0-9_]*)/gm)) imports.add(m[1]!);
        }
      }
    };
    walk(path.join(repoRoot, 'templates'));
    const unknown = [...imports].filter((name) => validatePackageName(name) === undefined);
    expect(unknown).toEqual([]);
  });
});
