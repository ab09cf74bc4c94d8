import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Every entry under a folder, with a hash of its content and its mode: equal snapshots, equal trees. */
export function snapshotTree(root: string, ignore: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir).sort()) {
      const rel = prefix ? `${prefix}/${name}` : name;
      if (ignore.includes(rel)) continue;
      const full = path.join(dir, name);
      const stat = lstatSync(full);
      if (stat.isDirectory()) {
        out[`${rel}/`] = `dir ${(stat.mode & 0o777).toString(8)}`;
        walk(full, rel);
      } else {
        const hash = createHash('sha256').update(readFileSync(full)).digest('hex');
        out[rel] = `${hash} ${(stat.mode & 0o777).toString(8)}`;
      }
    }
  };
  walk(root, '');
  return out;
}

export function listFiles(root: string, ignore: readonly string[] = ['.git']): string[] {
  return Object.keys(snapshotTree(root, ignore)).filter((p) => !p.endsWith('/'));
}
