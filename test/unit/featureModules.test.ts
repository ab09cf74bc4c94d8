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
import { featurePartialsFolder, fragmentsOf } from '../../src/features/featureModule.js';
import { STRATEGIES_PARTIAL_PREFIX } from '../../src/features/strategies/strategyFeature.js';
import { strategyFeatures } from '../../src/features/strategies/strategyFeatures.js';
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
  { prefix: DEPS_PARTIAL_PREFIX, answer: 'depsManager', ids: Object.keys(depsFeatures) },
  { prefix: CI_PARTIAL_PREFIX, answer: 'ci', ids: Object.keys(ciFeatures) },
];

describe.each(options)('the $answer modules (src/features/$prefix/<id>/)', ({ prefix, answer, ids }) => {
  const fragmentsOf = (id: string) =>
    readdirSync(path.join(featuresRoot, featurePartialsFolder(prefix, id)))
      .filter((f) => f.endsWith('.hbs'))
      .map((f) => f.slice(0, -'.hbs'.length))
      .sort();

  it('each hold the same fragments', () => {
    const [first, ...rest] = ids.map((id) => [id, fragmentsOf(id)] as const);
    expect(first![1].length).toBeGreaterThan(10);
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
});

/**
 * The deployment strategies are chosen several at once: a hub's `{{> strategies/<hub>-<what>}}`
 * renders the fragment of every chosen strategy that has one, so a module holds only the fragments
 * where it adds something (one file per hub, `{{#*inline}}` blocks).
 */
describe('the strategies modules (src/features/strategies/<id>/)', () => {
  const prefix = STRATEGIES_PARTIAL_PREFIX;
  const fragmentsOfModule = (id: string) => {
    const folder = path.join(featuresRoot, featurePartialsFolder(prefix, id));
    return readdirSync(folder)
      .filter((f) => f.endsWith('.hbs'))
      .flatMap((f) => fragmentsOf(f.slice(0, -'.hbs'.length), readFileSync(path.join(folder, f), 'utf8')).map((x) => x.name));
  };

  it('hold, between them, every fragment a template renders, and each fragment is rendered', () => {
    const called = new Set<string>();
    const call = new RegExp(`\\{\\{~?> ${prefix}/([\\w-]+)`, 'g');
    for (const rel of templates) for (const m of textOf(rel).matchAll(call)) called.add(m[1]!);
    const held = new Set(Object.keys(strategyFeatures).flatMap(fragmentsOfModule));
    expect(held.size).toBeGreaterThan(30);
    expect([...called].sort()).toEqual([...held].sort());
  });

  it('keep their fragment files made of {{#*inline}} blocks only', () => {
    for (const id of Object.keys(strategyFeatures)) {
      const folder = path.join(featuresRoot, featurePartialsFolder(prefix, id));
      for (const f of readdirSync(folder)) expect(readFileSync(path.join(folder, f), 'utf8'), `${id}/${f}`).toMatch(/^\{\{#\*inline "/);
    }
  });

  it('split a fragment file into its blocks, in-line ones without their last line break, and refuse text outside them', () => {
    const text = '{{#*inline "a"}}\nline\n{{/inline}}\n{{#*inline "b"}}\n in a line\n{{~/inline}}\n';
    expect(fragmentsOf('hub', text)).toEqual([
      { name: 'hub-a', text: 'line\n' },
      { name: 'hub-b', text: ' in a line' },
    ]);
    expect(() => fragmentsOf('hub', `${text}stray\n`)).toThrow(/hub\.hbs: expected/);
  });

  it('leave strategies named only where a condition also involves another option', () => {
    // Each tests a strategy OR another option, which a strategy's fragment cannot say: the
    // Redis/PostgreSQL test servers (stream, or the sql loader), POD_NAME's readers (the service,
    // or stream), the deploy/ folder let into the test image (rest or serverless), and the
    // decision record listing the strategies and whether the advice was followed.
    const naming = templates.filter((rel) => handlebarsWords(textOf(rel)).includes('strategies'));
    expect(naming.sort()).toEqual([
      'src/features/ci/azure/files/azure-pipelines.yml.hbs',
      'src/features/ci/github/files/_github/workflows/ci.yml.hbs',
      'src/features/ci/gitlab/files/_gitlab-ci.yml.hbs',
      'templates/adr/docs/adr/0001-deployment-strategy.md.hbs',
      'templates/base/_env.example.hbs',
      'templates/docker/cicd/build/docker/Dockerfile.dockerignore.hbs',
    ]);
  });
});
