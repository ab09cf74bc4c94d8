import { execa } from 'execa';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cacheHome } from '../fs/cacheHome.js';
import { makeDirs } from '../fs/makeDirs.js';
import { renderProject, type RenderProjectInput } from '../renderProject.js';
import { generatorVersion } from '../templatesRoot.js';
import type { Plan } from '../plan/plan.js';
import { SEMVER } from '../plan/answersRecord.js';

/** Renders a project as one generator version did. */
export interface Generator {
  readonly version: string;
  render(input: RenderProjectInput): Promise<Plan>;
}

export const currentGenerator: Generator = { version: generatorVersion(), render: renderProject };

/** A generator from an unpacked create-ml-prod package folder (its own dist and templates). */
export async function generatorFromPackage(dir: string, expectedVersion?: string): Promise<Generator> {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
  if (manifest.name !== 'create-ml-prod' || !manifest.version) throw new Error(`${dir} is not a create-ml-prod package`);
  if (expectedVersion !== undefined && manifest.version !== expectedVersion) {
    throw new Error(`${dir} holds create-ml-prod ${manifest.version}, not ${expectedVersion}`);
  }
  const api = (await import(pathToFileURL(path.join(dir, 'dist', 'index.js')).href)) as { renderProject?: Generator['render'] };
  if (typeof api.renderProject !== 'function') throw new Error(`create-ml-prod ${manifest.version} cannot render for updates`);
  return { version: manifest.version, render: api.renderProject };
}

/**
 * The generator that made a project: this one if the versions match; else `previous` if given
 * (a package folder); else that version from the npm registry, cached under ~/.cache. Returns
 * undefined when it cannot be had: update then falls back on the recorded file hashes.
 */
export async function generatorFor(version: string, previous?: string): Promise<Generator | undefined> {
  if (previous) return generatorFromPackage(previous);
  if (version === currentGenerator.version) return currentGenerator;
  // Only ever `create-ml-prod@<x.y.z>` from the registry: never a path, URL, tag or git spec.
  if (!SEMVER.test(version)) return undefined;
  const cache = path.join(cacheHome(), version);
  try {
    if (!existsSync(path.join(cache, 'package', 'package.json'))) {
      makeDirs(cache);
      const { stdout } = await execa('npm', ['pack', `create-ml-prod@${version}`, '--ignore-scripts', '--silent', '--pack-destination', cache], { stdin: 'ignore', timeout: 60_000 });
      await execa('tar', ['-xzf', path.join(cache, stdout.trim().split('\n').pop() ?? ''), '-C', cache]);
    }
    return await generatorFromPackage(path.join(cache, 'package'), version);
  } catch {
    return undefined;
  }
}
