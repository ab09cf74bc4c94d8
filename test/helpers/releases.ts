import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, tempDir } from './cli.js';

/** One template edit of a simulated release: in templates/<file>, `from` becomes `to`. */
export interface TemplateEdit {
  readonly file: string;
  readonly from: string | RegExp;
  readonly to: string;
}

/**
 * A simulated create-ml-prod release: this package (bin, dist, templates, feature fragments) copied with another
 * version number and templates that differ from today's in known places. Run it with
 * `node <dir>/bin/create-ml-prod.js`, pass it as --previous, or put it in a package cache.
 */
export function simulatedRelease(version: string, edits: readonly TemplateEdit[]): string {
  const dir = path.join(tempDir(`cmp-${version}-`), 'package');
  for (const entry of ['bin', 'dist', 'templates', 'package.json']) cpSync(path.join(repoRoot, entry), path.join(dir, entry), { recursive: true });
  // The feature modules' template fragments, shipped as they are in the sources (their TypeScript is in dist/).
  const features = path.join(repoRoot, 'src', 'features');
  cpSync(features, path.join(dir, 'src', 'features'), { recursive: true, filter: (from) => !from.endsWith('.ts') });
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ ...manifest, version }, null, 2));
  for (const { file, from, to } of edits) {
    const target = path.join(dir, 'templates', file);
    const text = readFileSync(target, 'utf8');
    const next = text.replace(from, to);
    if (next === text) throw new Error(`release ${version}: the edit did not apply to ${file}`);
    writeFileSync(target, next);
  }
  return dir;
}

/**
 * A package cache ($XDG_CACHE_HOME) that already holds these releases, as `update` keeps the
 * ones it fetched from the registry: update then finds the recorded version's package offline.
 */
export function packageCache(releases: readonly string[]): string {
  const home = tempDir('cmp-cache-');
  for (const release of releases) {
    const { version } = JSON.parse(readFileSync(path.join(release, 'package.json'), 'utf8')) as { version: string };
    mkdirSync(path.join(home, 'create-ml-prod', version), { recursive: true });
    symlinkSync(release, path.join(home, 'create-ml-prod', version, 'package'));
  }
  return home;
}
