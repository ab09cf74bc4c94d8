/**
 * One file holding every compiled template a plan needs, with V8's code cache of it: a run with
 * the same options (the common case: CI jobs, a team generating its standard) loads two files
 * instead of two per template. Keyed by the set of template keys, so any change to a template,
 * the options or Handlebars picks another bundle. Only the most recent bundles are kept.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

const KEEP = 12;

export interface SpecBundle {
  /** The evaluated specification of a template key, when the bundle holds it. */
  spec(key: string): unknown;
  /** After rendering: write what is missing (the bundle, then on a later run its code cache). */
  finish(codeOf: (key: string) => string | undefined, store: (file: string, content: string | Buffer) => void): void;
}

export function openSpecBundle(dir: string | undefined, keys: readonly string[]): SpecBundle {
  const unique = [...new Set(keys)].sort();
  if (dir === undefined || unique.length === 0) return { spec: () => undefined, finish: () => {} };
  const name = createHash('sha256').update(unique.join('\n')).digest('hex').slice(0, 32);
  const file = path.join(dir, 'bundles', `${name}.js`);
  const codeFile = path.join(dir, 'bundles', `${name}.v8`);
  let specs: Record<string, unknown> = {};
  let script: vm.Script | undefined;
  let needsCode = false;
  try {
    const code = readFileSync(file, 'utf8');
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(codeFile);
    } catch {
      // written after this run renders
    }
    script = new vm.Script(code, { filename: file, ...(cachedData ? { cachedData } : {}) });
    specs = script.runInThisContext() as Record<string, unknown>;
    needsCode = !cachedData || script.cachedDataRejected === true;
  } catch {
    script = undefined; // no bundle yet, or a damaged one: written again below
  }
  return {
    spec: (key) => specs[key],
    finish(codeOf, store) {
      if (script) {
        if (needsCode) store(codeFile, script.createCachedData());
        return;
      }
      const parts: string[] = [];
      for (const key of unique) {
        const code = codeOf(key);
        if (code === undefined) return; // a template failed to compile: no bundle
        parts.push(`${JSON.stringify(key)}: (${code})`);
      }
      store(file, `({\n${parts.join(',\n')}\n})`);
      prune(path.dirname(file));
      pruneTemplates(dir);
    },
  };
}

/** Keeps the most recently written bundles; the rest go. */
function prune(dir: string): void {
  try {
    const bundles = readdirSync(dir)
      .filter((f) => f.endsWith('.js'))
      .map((f) => ({ f, t: statSync(path.join(dir, f)).mtimeMs }))
      .sort((a, b) => b.t - a.t);
    for (const { f } of bundles.slice(KEEP)) {
      for (const ext of ['.js', '.v8']) {
        try {
          unlinkSync(path.join(dir, f.slice(0, -3) + ext));
        } catch {
          // already gone
        }
      }
    }
  } catch {
    // an unreadable cache only costs time
  }
}

/** Single compiled templates (and partial writes a killed run left) kept at most; the newest stay. */
export const KEEP_TEMPLATE_FILES = 1000;

/** Bounds the per-template cache: it grew with every template edit and every option set. */
export function pruneTemplates(dir: string, keep = KEEP_TEMPLATE_FILES): void {
  try {
    const files = readdirSync(dir)
      .filter((f) => /\.(js|v8|tmp)$/.test(f))
      .map((f) => ({ f, t: statSync(path.join(dir, f)).mtimeMs }))
      .sort((a, b) => b.t - a.t);
    for (const { f } of files.filter(({ f }) => f.endsWith('.tmp')).concat(files.filter(({ f }) => !f.endsWith('.tmp')).slice(keep))) {
      try {
        unlinkSync(path.join(dir, f));
      } catch {
        // already gone
      }
    }
  } catch {
    // an unreadable cache only costs time
  }
}
