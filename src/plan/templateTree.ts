import { UsageError } from '../errors.js';
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';

export interface TemplateFile {
  /** Path relative to the overlay folder, POSIX separators. */
  readonly relative: string;
  /** Path relative to templates/, for messages and records. */
  readonly source: string;
  readonly absolute: string;
  readonly mode: number;
}

/**
 * Every regular file of one overlay folder, sorted, so plans are deterministic. A folder that
 * does not exist is an empty overlay (e.g. `tracker/none`); a test checks that every overlay
 * with files is reachable.
 */
export function listTemplateFiles(templatesRoot: string, overlay: string): TemplateFile[] {
  const root = path.join(templatesRoot, overlay);
  if (!existsSync(root)) return [];
  const out: TemplateFile[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir).sort()) {
      const absolute = path.join(dir, name);
      const relative = prefix ? `${prefix}/${name}` : name;
      const stat = lstatSync(absolute);
      if (stat.isSymbolicLink()) {
        throw new UsageError(`template ${overlay}/${relative} is a symbolic link: templates must be plain files`);
      }
      if (stat.isDirectory()) walk(absolute, relative);
      else if (stat.isFile()) {
        out.push({
          relative,
          source: `${overlay}/${relative}`,
          absolute,
          mode: stat.mode & 0o111 ? 0o755 : 0o644,
        });
      }
    }
  };
  walk(root, '');
  return out;
}
