/**
 * The feature modules (src/features/<option>/<id>/), one option at a time: every module has every
 * fragment the hub templates render, the hubs render only fragments some module has, and no
 * template (hub, module file or fragment) tests the option's value any more.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelsComponent } from '../../src/components/modelsComponent.js';
import { CI_PARTIAL_PREFIX } from '../../src/features/ci/ciFeature.js';
import { ciFeatures } from '../../src/features/ci/ciFeatures.js';
import { DEPS_PARTIAL_PREFIX } from '../../src/features/deps/depsFeature.js';
import { depsFeatures } from '../../src/features/deps/depsFeatures.js';
import { ENGINE_PARTIAL_PREFIX } from '../../src/features/engine/engineFeature.js';
import { engineFeatures } from '../../src/features/engine/engineFeatures.js';
import { featurePartialsFolder, fragmentsOf, type FeatureModule } from '../../src/features/featureModule.js';
import { LINT_PARTIAL_PREFIX } from '../../src/features/lint/lintFeature.js';
import { lintFeatures } from '../../src/features/lint/lintFeatures.js';
import { MODELS_PARTIAL_PREFIX } from '../../src/features/models/familyFeature.js';
import { familyFeatures } from '../../src/features/models/familyFeatures.js';
import { LOADERS_PARTIAL_PREFIX } from '../../src/features/loaders/loaderFeature.js';
import { loaderFeatures } from '../../src/features/loaders/loaderFeatures.js';
import { SCHEDULER_PARTIAL_PREFIX } from '../../src/features/scheduler/schedulerFeature.js';
import { schedulerFeatures } from '../../src/features/scheduler/schedulerFeatures.js';
import { STRATEGIES_PARTIAL_PREFIX } from '../../src/features/strategies/strategyFeature.js';
import { strategyFeatures } from '../../src/features/strategies/strategyFeatures.js';
import { TRACKER_PARTIAL_PREFIX } from '../../src/features/tracker/trackerFeature.js';
import { trackerFeatures } from '../../src/features/tracker/trackerFeatures.js';
import { resolveAnswers } from '../../src/options/resolveAnswers.js';
import { optionSchema, type Answers } from '../../src/options/schema.js';
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
  const fragmentFilesOf = (id: string) =>
    readdirSync(path.join(featuresRoot, featurePartialsFolder(prefix, id)))
      .filter((f) => f.endsWith('.hbs'))
      .map((f) => f.slice(0, -'.hbs'.length))
      .sort();

  it('each hold the same fragments', () => {
    const [first, ...rest] = ids.map((id) => [id, fragmentFilesOf(id)] as const);
    expect(first![1].length).toBeGreaterThan(0);
    for (const [id, fragments] of rest) expect(fragments, id).toEqual(first![1]);
  });

  it('hold every fragment a template renders, and each fragment is rendered', () => {
    const called = new Set<string>();
    const call = new RegExp(`\\{\\{~?> ${prefix}/([\\w-]+)`, 'g');
    for (const rel of templates) for (const m of textOf(rel).matchAll(call)) called.add(m[1]!);
    expect([...called].sort()).toEqual(fragmentFilesOf(ids[0]!));
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

/**
 * The multi-choice options (deployment strategies, data loaders, model families) are chosen several at once: a
 * hub's `{{> <prefix>/<hub>-<what>}}` renders the fragment of every chosen module that has one,
 * so a module holds only the fragments where it adds something (one file per hub, `{{#*inline}}`
 * blocks). The templates still naming the answer are listed: each tests it together with another
 * option (or, for the loaders, "not chosen"), which a module's fragment cannot say.
 */
const multiOptions = [
  {
    prefix: STRATEGIES_PARTIAL_PREFIX,
    answer: 'strategies',
    ids: Object.keys(strategyFeatures),
    // The Redis/PostgreSQL test servers (stream, or the sql loader), POD_NAME's readers (the
    // service, or stream), the decision record listing the strategies and whether the advice
    // was followed.
    naming: [
      'src/features/ci/azure/files/azure-pipelines.yml.hbs',
      'src/features/ci/github/files/_github/workflows/ci.yml.hbs',
      'src/features/ci/gitlab/files/_gitlab-ci.yml.hbs',
      'templates/adr/docs/adr/0001-deployment-strategy.md.hbs',
      'templates/base/_env.example.hbs',
    ],
  },
  {
    prefix: LOADERS_PARTIAL_PREFIX,
    answer: 'dataLoaders',
    ids: Object.keys(loaderFeatures),
    // The test servers (as above); pyarrow in the jobs extra unless parquet has it in dependencies;
    // write_data and the sample's file name without parquet ({{else}}); "is"/"are" supported.
    naming: [
      'src/features/ci/azure/files/azure-pipelines.yml.hbs',
      'src/features/ci/github/files/_github/workflows/ci.yml.hbs',
      'src/features/ci/gitlab/files/_gitlab-ci.yml.hbs',
      'templates/base/_env.example.hbs',
      'templates/base/data/README.md.hbs',
      'templates/base/pyproject.toml.hbs',
      'templates/base/src/{{packageName}}/data_loaders/factory.py.hbs',
    ],
  },
  {
    prefix: MODELS_PARTIAL_PREFIX,
    answer: 'modelFamilies',
    ids: Object.keys(familyFeatures),
    // None: the models hubs name (defaultModel, quickModel), whether the baseline is the only
    // family (startsWithBaseline) and whether a family has smaller test hyperparameters
    // (smallModelParams) come from the modules' declarations.
    naming: [],
  },
];

describe.each(multiOptions)('the $answer modules (src/features/$prefix/<id>/)', ({ prefix, answer, ids, naming }) => {
  const folderOf = (id: string) => path.join(featuresRoot, featurePartialsFolder(prefix, id));
  // A module with no fragments has no partials/ folder.
  const filesOf = (id: string) => (existsSync(folderOf(id)) ? readdirSync(folderOf(id)) : []);
  const fragmentsOfModule = (id: string) =>
    filesOf(id).flatMap((f) => fragmentsOf(f.slice(0, -'.hbs'.length), readFileSync(path.join(folderOf(id), f), 'utf8')).map((x) => x.name));

  it('hold, between them, every fragment a template renders, and each fragment is rendered', () => {
    const called = new Set<string>();
    const call = new RegExp(`\\{\\{~?> ${prefix}/([\\w-]+)`, 'g');
    for (const rel of templates) for (const m of textOf(rel).matchAll(call)) called.add(m[1]!);
    const held = new Set(ids.flatMap(fragmentsOfModule));
    expect(held.size).toBeGreaterThan(5);
    expect([...called].sort()).toEqual([...held].sort());
  });

  it('keep their fragment files made of {{#*inline}} blocks only', () => {
    for (const id of ids) for (const f of filesOf(id)) expect(readFileSync(path.join(folderOf(id), f), 'utf8'), `${id}/${f}`).toMatch(/^\{\{#\*inline "/);
  });

  it('leave the answer named only where a condition also involves another option', () => {
    expect(templates.filter((rel) => handlebarsWords(textOf(rel)).includes(answer)).sort()).toEqual(naming);
  });
});

describe('fragment files of a multi-choice module', () => {
  it('split into their blocks, in-line ones without their last line break, and refuse text outside them', () => {
    const text = '{{#*inline "a"}}\nline\n{{/inline}}\n{{#*inline "b"}}\n in a line\n{{~/inline}}\n';
    expect(fragmentsOf('hub', text)).toEqual([
      { name: 'hub-a', text: 'line\n' },
      { name: 'hub-b', text: ' in a line' },
    ]);
    expect(() => fragmentsOf('hub', `${text}stray\n`)).toThrow(/hub\.hbs: expected/);
  });
});

describe('the model families component', () => {
  const dataOf = async (modelFamilies: Answers['modelFamilies'], task: Answers['task'] = 'classification') =>
    modelsComponent.contribute(await resolveAnswers({ file: { projectName: 'models-demo', modelFamilies, task }, context: { year: 2030 } }))!.data;

  it('starts a project with the first chosen family that is not the baseline, in the registry order', async () => {
    expect(await dataOf(['rule_based', 'regression', 'ensemble', 'boosting'])).toMatchObject({ defaultModel: 'logistic_regression', quickModel: 'naive' });
    expect(await dataOf(['regression'], 'regression')).toMatchObject({ defaultModel: 'linear_regression', quickModel: 'linear_regression' });
    expect(await dataOf(['boosting', 'ensemble'])).toMatchObject({ defaultModel: 'random_forest', quickModel: 'random_forest', smallModelParams: true });
    expect(await dataOf(['boosting', 'rule_based'])).toMatchObject({ defaultModel: 'gradient_boosting', quickModel: 'naive', startsWithBaseline: false });
    expect(await dataOf(['rule_based'])).toMatchObject({ defaultModel: 'naive', quickModel: 'naive', startsWithBaseline: true, smallModelParams: false });
  });

  it('leave no template comparing the default model with a model name (startsWithBaseline says it)', () => {
    expect(templates.filter((rel) => /\(eq defaultModel /.test(textOf(rel)))).toEqual([]);
  });
});
