import { depsFeatures } from '../features/deps/depsFeatures.js';
/**
 * The lock is the user's file: update never writes, merges or removes it. What update may change
 * are the lock's inputs (pyproject.toml's dependency tables, requirements/*.in, environment.yml);
 * when it does, the user relocks with `make lock`.
 */
const LOCKS = new Set(Object.values(depsFeatures).flatMap((feature) => feature.lockFiles));

export function isLockFile(rel: string): boolean {
  return LOCKS.has(rel);
}

/** What of a file the lock depends on, or undefined when the file is no input of the lock. */
export function lockInput(rel: string, content: Buffer | undefined): string | undefined {
  if (content === undefined) return rel === 'pyproject.toml' || isRequirementsSource(rel) || rel === 'environment.yml' ? '' : undefined;
  const text = content.toString('utf8');
  if (rel === 'pyproject.toml') return dependencyTables(text);
  if (isRequirementsSource(rel) || rel === 'environment.yml') return text;
  return undefined;
}

/** Whether `update` changed what the lock resolves: a dependency, an extra, requires-python, a source. */
export function changesLock(rel: string, before: Buffer | undefined, after: Buffer | undefined): boolean {
  const was = lockInput(rel, before);
  return was !== undefined && was !== lockInput(rel, after);
}

function isRequirementsSource(rel: string): boolean {
  return /^requirements\/[^/]+\.in$/.test(rel);
}

/** requires-python, [project] dependencies, [project.optional-dependencies], [build-system] and Poetry's sources, without comments. */
function dependencyTables(text: string): string {
  const kept: string[] = [];
  let table = '';
  let inList = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, '').trimEnd();
    const header = /^\s*\[\[?([^\]]+)\]\]?\s*$/.exec(line);
    if (header) {
      table = header[1]!.trim();
      inList = false;
      continue;
    }
    const relevant = table === 'build-system' || table === 'project.optional-dependencies' || table === 'tool.poetry.source';
    if (table === 'project' && /^\s*(requires-python|dependencies)\s*=/.test(line)) inList = /=\s*\[/.test(line) && !/\]\s*$/.test(line);
    else if (table === 'project' && inList) inList = !/^\s*\]/.test(line);
    else if (!relevant) continue;
    if (line.trim() !== '') kept.push(`${table}: ${line.trim()}`);
  }
  return kept.join('\n');
}
