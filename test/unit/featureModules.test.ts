/**
 * The feature modules (src/features/<option>/<id>/), one option at a time: every module has every
 * fragment the hub templates render, the hubs render only fragments some module has, and no
 * template (hub, module file or fragment) tests the option's value any more.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CI_PARTIAL_PREFIX } from '../../src/features/ci/ciFeature.js';
import { ciFeatures } from '../../src/features/ci/ciFeatures.js';
import { DEPS_PARTIAL_PREFIX } from '../../src/features/deps/depsFeature.js';
import { depsFeatures } from '../../src/features/deps/depsFeatures.js';
import { ENGINE_PARTIAL_PREFIX } from '../../src/features/engine/engineFeature.js';
import { engineFeatures } from '../../src/features/engine/engineFeatures.js';
import { featurePartialsFolder, type FeatureModule } from '../../src/features/featureModule.js';
import { LINT_PARTIAL_PREFIX } from '../../src/features/lint/lintFeature.js';
import { lintFeatures } from '../../src/features/lint/lintFeatures.js';
import { optionSchema } from '../../src/options/schema.js';
import { SCHEDULER_PARTIAL_PREFIX } from '../../src/features/scheduler/schedulerFeature.js';
import { schedulerFeatures } from '../../src/features/scheduler/schedulerFeatures.js';
import { TRACKER_PARTIAL_PREFIX } from '../../src/features/tracker/trackerFeature.js';
import { trackerFeatures } from '../../src/features/tracker/trackerFeatures.js';
import { repoRoot } from '../helpers/cli.js';
import { listFiles } from '../helpers/tree.js';

const featuresRoot = path.join(repoRoot, 'src', 'features');
// Every template: the hubs under templates/, and the modules' own files and fragments.
const templates = [
  ...listFiles(path.join(repoRoot, 'templates'), []).map((p) => `templates/${p}`),
  ...listFiles(featuresRoot, []).map((p) => `src/features/${p}`),
].filter((p) => p.endsWith('.hbs'));
const textOf = (rel: string) => readFileSync(path.join(repoRoot, rel), 'utf8');
/** The words of every Handlebars expression, leaving out comments, partial calls, strings and GitHub's `${{ }}`. */
const handlebarsWords = (text: string) =>
  [...text.matchAll(/(?<!\$)\{\{~?(?![!>~])([^}]*)\}\}/g)].flatMap((m) => m[1]!.replace(/"[^"]*"/g, '').split(/[^\w-]+/));

const options = [
  { prefix: DEPS_PARTIAL_PREFIX, answer: 'depsManager', modules: depsFeatures },
  { prefix: CI_PARTIAL_PREFIX, answer: 'ci', modules: ciFeatures },
  { prefix: LINT_PARTIAL_PREFIX, answer: 'lintStack', modules: lintFeatures },
  { prefix: ENGINE_PARTIAL_PREFIX, answer: 'batchEngine', modules: engineFeatures },
  { prefix: TRACKER_PARTIAL_PREFIX, answer: 'tracker', modules: trackerFeatures },
  { prefix: SCHEDULER_PARTIAL_PREFIX, answer: 'scheduler', modules: schedulerFeatures },
] satisfies { prefix: string; answer: string; modules: Record<string, FeatureModule> }[];

describe.each(options)('the $answer modules (src/features/$prefix/<id>/)', ({ prefix, answer, modules }) => {
  const ids = Object.keys(modules);
  const fragmentsOf = (id: string) =>
    readdirSync(path.join(featuresRoot, featurePartialsFolder(prefix, id)))
      .filter((f) => f.endsWith('.hbs'))
      .map((f) => f.slice(0, -'.hbs'.length))
      .sort();

  it('each hold the same fragments', () => {
    const [first, ...rest] = ids.map((id) => [id, fragmentsOf(id)] as const);
    expect(first![1].length).toBeGreaterThan(0);
    for (const [id, fragments] of rest) expect(fragments, id).toEqual(first![1]);
  });

  it('hold every fragment a template renders, and each fragment is rendered', () => {
    const called = new Set<string>();
    const call = new RegExp(`\\{\\{~?> ${prefix}/([\\w-]+)`, 'g');
    for (const rel of templates) for (const m of textOf(rel).matchAll(call)) called.add(m[1]!);
    expect([...called].sort()).toEqual(fragmentsOf(ids[0]!));
  });

  it('leave no template testing the answer', () => {
    const testing = templates.filter((rel) => handlebarsWords(textOf(rel)).includes(answer));
    expect(testing).toEqual([]);
  });

  it('declare the same template data, under names no answer has', () => {
    const keysOf = (m: FeatureModule) => Object.keys(m.templateData ?? {}).sort();
    const all: FeatureModule[] = Object.values(modules);
    for (const m of all) expect(keysOf(m), m.id).toEqual(keysOf(all[0]!));
    const answers = optionSchema.map((o) => o.id as string);
    expect(keysOf(all[0]!).filter((k) => answers.includes(k))).toEqual([]);
  });
});
