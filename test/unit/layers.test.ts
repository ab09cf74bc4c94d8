/**
 * The layers of src/ (docs/architecture.md): a module imports only from layers below its own, so
 * the arrows point one way and there is no cycle between folders. Type-only imports are free
 * (they vanish from the bundle).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';

/** Bottom first. A unit is a folder of src/ or a file at its top. */
const LAYERS: readonly (readonly string[])[] = [
  ['errors.ts', 'templatesRoot.ts', 'ui'],
  ['fs', 'advisor'],
  ['options'],
  ['features'],
  ['components', 'render', 'team'],
  ['plan', 'steps'],
  ['verify'],
  ['renderProject.ts', 'generateProject.ts'],
  ['createProject.ts', 'update'],
  ['cli'],
  ['index.ts', 'cli.ts'],
];

const src = path.join(repoRoot, 'src');
const unitOf = (file: string) => path.relative(src, file).split(path.sep)[0]!;
const layerOf = (unit: string) => LAYERS.findIndex((layer) => layer.includes(unit));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|cjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Relative imports that exist at run time: `import ... from`, `export ... from`, `import()`, `require()`. */
function runtimeImports(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+'(\.[^']+)'/gms)) if (!m[1]) found.push(m[2]!);
  for (const m of text.matchAll(/\b(?:import|require)\(\s*'(\.[^']+)'\s*\)/g)) found.push(m[1]!);
  return found;
}

describe('src layers', () => {
  const files = sourceFiles(src);

  it('place every unit of src in one layer', () => {
    const units = [...new Set(files.map(unitOf))].sort();
    expect(units.filter((u) => layerOf(u) === -1)).toEqual([]);
    expect(LAYERS.flat().filter((u) => !units.includes(u))).toEqual([]);
  });

  it('import only from layers below (type-only imports aside)', () => {
    const wrong: string[] = [];
    let arrows = 0;
    for (const file of files) {
      const from = unitOf(file);
      for (const spec of runtimeImports(readFileSync(file, 'utf8'))) {
        const target = unitOf(path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')));
        if (target === from) continue;
        arrows++;
        if (layerOf(target) >= layerOf(from)) wrong.push(`${path.relative(src, file)} -> ${spec} (${from} may not import ${target})`);
      }
    }
    expect(wrong).toEqual([]);
    expect(arrows).toBeGreaterThan(50);
  });
});
