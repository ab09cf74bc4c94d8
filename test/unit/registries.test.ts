/**
 * Registries keyed by the schema's choice ids: a choice without its entry fails `tsc` (the
 * `@ts-expect-error` lines below are type tests: tsc fails if they ever compile cleanly), and at
 * run time each registry holds exactly the schema's choices.
 */
import { describe, expect, it } from 'vitest';
import { pythonImages } from '../../src/components/pythonComponent.js';
import { ciFeatures } from '../../src/features/ci/ciFeatures.js';
import { depsFeatures } from '../../src/features/deps/depsFeatures.js';
import { engineFeatures } from '../../src/features/engine/engineFeatures.js';
import { lintFeatures } from '../../src/features/lint/lintFeatures.js';
import { schedulerFeatures } from '../../src/features/scheduler/schedulerFeatures.js';
import { trackerFeatures } from '../../src/features/tracker/trackerFeatures.js';
import { loaderFeatures } from '../../src/features/loaders/loaderFeatures.js';
import { familyFeatures } from '../../src/features/models/familyFeatures.js';
import { strategyFeatures } from '../../src/features/strategies/strategyFeatures.js';
import type { OptionDef } from '../../src/options/optionTypes.js';
import { optionSchema, type Answers } from '../../src/options/schema.js';
import { stackChecks } from '../../src/verify/lintChecks.js';

const choicesOf = (id: string) => {
  const option = (optionSchema as readonly OptionDef[]).find((o) => o.id === id);
  return option && (option.kind === 'choice' || option.kind === 'multi') ? option.choices.map((c) => c.value).sort() : [];
};

describe('registries keyed by choice ids', () => {
  it('hold exactly the choices of their option', () => {
    expect(Object.keys(depsFeatures).sort()).toEqual(choicesOf('depsManager'));
    for (const [id, feature] of Object.entries(depsFeatures)) expect(feature.id).toBe(id);
    expect(Object.keys(ciFeatures).sort()).toEqual(choicesOf('ci'));
    for (const [id, feature] of Object.entries(ciFeatures)) expect(feature.id).toBe(id);
    expect(Object.keys(lintFeatures).sort()).toEqual(choicesOf('lintStack'));
    for (const [id, feature] of Object.entries(lintFeatures)) expect(feature.id).toBe(id);
    expect(Object.keys(engineFeatures).sort()).toEqual(choicesOf('batchEngine'));
    for (const [id, feature] of Object.entries(engineFeatures)) expect(feature.id).toBe(id);
    expect(Object.keys(trackerFeatures).sort()).toEqual(choicesOf('tracker'));
    for (const [id, feature] of Object.entries(trackerFeatures)) expect(feature.id).toBe(id);
    expect(Object.keys(schedulerFeatures).sort()).toEqual(choicesOf('scheduler'));
    for (const [id, feature] of Object.entries(schedulerFeatures)) expect(feature.id).toBe(id);
    expect(Object.keys(strategyFeatures).sort()).toEqual(choicesOf('strategies'));
    for (const [id, feature] of Object.entries(strategyFeatures)) expect(feature.id).toBe(id);
    expect(Object.keys(loaderFeatures).sort()).toEqual(choicesOf('dataLoaders'));
    for (const [id, feature] of Object.entries(loaderFeatures)) expect(feature.id).toBe(id);
    expect(Object.keys(familyFeatures).sort()).toEqual(choicesOf('modelFamilies'));
    for (const [id, feature] of Object.entries(familyFeatures)) expect(feature.id).toBe(id);
    expect(Object.keys(stackChecks).sort()).toEqual(choicesOf('lintStack'));
    expect(Object.keys(pythonImages).sort()).toEqual(choicesOf('pythonVersion'));
  });

  it('refuse, at compile time, a choice without its entry', () => {
    // A new dependency manager in the schema, with no feature module (src/features/deps/<id>/):
    // @ts-expect-error Property '"pdm"' is missing
    const pdmModule: Record<Answers['depsManager'] | 'pdm', unknown> = depsFeatures;
    // The feature registry without one of its modules:
    // @ts-expect-error Property 'conda' is missing
    const noConda: typeof depsFeatures = { uv: depsFeatures.uv, poetry: depsFeatures.poetry, pip: depsFeatures.pip };
    // A new CI provider in the schema, with no feature module (src/features/ci/<id>/):
    // @ts-expect-error Property '"bitbucket"' is missing
    const bitbucketModule: Record<Answers['ci'] | 'bitbucket', unknown> = ciFeatures;
    // @ts-expect-error Property 'none' is missing
    const noNone: typeof ciFeatures = { github: ciFeatures.github, gitlab: ciFeatures.gitlab, azure: ciFeatures.azure };
    // A new lint stack in the schema, with no feature module (src/features/lint/<id>/):
    // @ts-expect-error Property '"pyright"' is missing
    const pyrightModule: Record<Answers['lintStack'] | 'pyright', unknown> = lintFeatures;
    // @ts-expect-error Property 'classic' is missing
    const noClassic: typeof lintFeatures = { ruff: lintFeatures.ruff };
    // A new batch engine in the schema, with no feature module (src/features/engine/<id>/):
    // @ts-expect-error Property '"ray"' is missing
    const rayModule: Record<Answers['batchEngine'] | 'ray', unknown> = engineFeatures;
    // @ts-expect-error Property 'spark' is missing
    const noSpark: typeof engineFeatures = { pandas: engineFeatures.pandas, dask: engineFeatures.dask };
    // A new tracker in the schema, with no feature module (src/features/tracker/<id>/):
    // @ts-expect-error Property '"wandb"' is missing
    const wandbModule: Record<Answers['tracker'] | 'wandb', unknown> = trackerFeatures;
    // @ts-expect-error Property 'none' is missing
    const noTrackerNone: typeof trackerFeatures = { mlflow: trackerFeatures.mlflow };
    // A new scheduler in the schema, with no feature module (src/features/scheduler/<id>/):
    // @ts-expect-error Property '"dagster"' is missing
    const dagsterModule: Record<Answers['scheduler'] | 'dagster', unknown> = schedulerFeatures;
    // @ts-expect-error Property 'airflow' is missing
    const noAirflow: typeof schedulerFeatures = { none: schedulerFeatures.none, prefect: schedulerFeatures.prefect };
    // A new deployment strategy in the schema, with no feature module (src/features/strategies/<id>/):
    // @ts-expect-error Property '"edge"' is missing
    const edgeModule: Record<Answers['strategies'][number] | 'edge', unknown> = strategyFeatures;
    // @ts-expect-error Property 'database' is missing
    const noDatabase: typeof strategyFeatures = { batch: strategyFeatures.batch, rest: strategyFeatures.rest, serverless: strategyFeatures.serverless, preprocess: strategyFeatures.preprocess, stream: strategyFeatures.stream };
    // A new data loader in the schema, with no feature module (src/features/loaders/<id>/):
    // @ts-expect-error Property '"json"' is missing
    const jsonModule: Record<Answers['dataLoaders'][number] | 'json', unknown> = loaderFeatures;
    // A new model family in the schema, with no feature module (src/features/models/<id>/):
    // @ts-expect-error Property '"svm"' is missing
    const svmModule: Record<Answers['modelFamilies'][number] | 'svm', unknown> = familyFeatures;
    // @ts-expect-error Property 'boosting' is missing
    const noBoosting: typeof familyFeatures = { rule_based: familyFeatures.rule_based, regression: familyFeatures.regression, ensemble: familyFeatures.ensemble };
    // @ts-expect-error Property '"3.14"' is missing
    const withPython314: Record<Answers['pythonVersion'] | '3.14', string> = pythonImages;
    // @ts-expect-error Property 'classic' is missing
    const onlyRuff: typeof stackChecks = { ruff: stackChecks.ruff };
    expect([pdmModule, noConda, bitbucketModule, noNone, pyrightModule, noClassic, rayModule, noSpark, wandbModule, noTrackerNone, dagsterModule, noAirflow, edgeModule, noDatabase, jsonModule, svmModule, noBoosting, withPython314, onlyRuff].every(Boolean)).toBe(true);
  });
});
