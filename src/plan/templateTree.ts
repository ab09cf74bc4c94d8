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
    // The entries' types come with the listing; only files need an lstat (for the mode).
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const absolute = path.join(dir, entry.name);
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) {
        throw new UsageError(`template ${overlay}/${relative} is a symbolic link: templates must be plain files`);
      }
      if (entry.isDirectory()) walk(absolute, relative);
      else if (entry.isFile()) {
        out.push({
          relative,
          source: `${overlay}/${relative}`,
          absolute,
          mode: lstatSync(absolute).mode & 0o111 ? 0o755 : 0o644,
        });
      }
    }
  };
  walk(root, '');
  return out;
}
