import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parseAllDocuments } from 'yaml';
import { listFiles } from './tree.js';

/** Problems found by parsing every structured file, and by the scan for leftover `{{`. */
/** `userTokens: 'no-scan'` parses only: for fuzzed input, where user text may hold `{{` in escaped forms. */
export function problemsIn(files: Iterable<readonly [string, string]>, userTokens: readonly string[] | 'no-scan' = []): string[] {
  const problems: string[] = [];
  for (const [rel, text] of files) {
    // Tokens a test put in user values (e.g. `{{user}}`) are plain text, not leftovers.
    let scanned = text.replace(/\$\{\{ /g, '');
    for (const token of userTokens === 'no-scan' ? [] : userTokens) scanned = scanned.split(token).join('');
    if (userTokens !== 'no-scan' && /\{\{/.test(scanned) && !rel.endsWith('.create-ml-prod.json')) {
      problems.push(`${rel}: "{{" left in the output`);
    }
    try {
      if (/\.ya?ml$/.test(rel)) {
        for (const doc of parseAllDocuments(text, { uniqueKeys: true })) {
          if (doc.errors.length > 0) throw new Error(doc.errors[0]?.message);
        }
      } else if (rel.endsWith('.toml')) parseToml(text);
      else if (rel.endsWith('.json') || rel.endsWith('.ipynb')) {
        const data = JSON.parse(text) as Record<string, unknown>;
        if (rel.endsWith('.ipynb') && (data.nbformat !== 4 || !Array.isArray(data.cells))) throw new Error('not an nbformat 4 notebook');
      }
    } catch (error) {
      problems.push(`${rel}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }
  return problems;
}

/** The same checks over a generated project on disk. */
export function structuralProblems(root: string, userTokens: readonly string[] = []): string[] {
  const files = listFiles(root, ['.git', '.venv']).map((rel) => [rel, readFileSync(path.join(root, rel), 'utf8')] as const);
  return problemsIn(files, userTokens);
}
