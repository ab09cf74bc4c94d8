/**
 * The dependency managers as feature modules (src/features/deps/<id>/): every module has every
 * fragment the hub templates render, the hubs render only fragments some module has, and no
 * template tests the manager's id any more.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEPS_PARTIAL_PREFIX, depsPartialsFolder } from '../../src/features/deps/depsFeature.js';
import { depsFeatures } from '../../src/features/deps/depsFeatures.js';
import { repoRoot } from '../helpers/cli.js';
import { listFiles } from '../helpers/tree.js';

const featuresRoot = path.join(repoRoot, 'src', 'features');
const templates = listFiles(path.join(repoRoot, 'templates'), []).filter((p) => p.endsWith('.hbs'));
const textOf = (rel: string) => readFileSync(path.join(repoRoot, 'templates', rel), 'utf8');
const fragmentsOf = (id: keyof typeof depsFeatures) =>
  readdirSync(path.join(featuresRoot, depsPartialsFolder(id)))
    .filter((f) => f.endsWith('.hbs'))
    .map((f) => f.slice(0, -'.hbs'.length))
    .sort();

describe('dependency-manager modules', () => {
  const ids = Object.keys(depsFeatures) as (keyof typeof depsFeatures)[];

  it('each hold the same fragments', () => {
    const [first, ...rest] = ids.map((id) => [id, fragmentsOf(id)] as const);
    expect(first![1].length).toBeGreaterThan(10);
    for (const [id, fragments] of rest) expect(fragments, id).toEqual(first![1]);
  });

  it('hold every fragment a template renders, and each fragment is rendered', () => {
    const called = new Set<string>();
    const call = new RegExp(`\\{\\{~?> ${DEPS_PARTIAL_PREFIX}/([\\w-]+)`, 'g');
    for (const rel of templates) for (const m of textOf(rel).matchAll(call)) called.add(m[1]!);
    expect([...called].sort()).toEqual(fragmentsOf('uv'));
  });

  it('leave no template testing the manager', () => {
    const testing = templates.filter((rel) => /depsManager/.test(textOf(rel)));
    expect(testing).toEqual([]);
  });
});
