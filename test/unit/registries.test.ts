/**
 * Registries keyed by the schema's choice ids: a choice without its entry fails `tsc` (the
 * `@ts-expect-error` lines below are type tests: tsc fails if they ever compile cleanly), and at
 * run time each registry holds exactly the schema's choices.
 */
import { describe, expect, it } from 'vitest';
import { pythonImages } from '../../src/components/pythonComponent.js';
import { ciFeatures } from '../../src/features/ci/ciFeatures.js';
import { depsFeatures } from '../../src/features/deps/depsFeatures.js';
import { loaderFeatures } from '../../src/features/loaders/loaderFeatures.js';
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
    expect(Object.keys(strategyFeatures).sort()).toEqual(choicesOf('strategies'));
    for (const [id, feature] of Object.entries(strategyFeatures)) expect(feature.id).toBe(id);
    expect(Object.keys(loaderFeatures).sort()).toEqual(choicesOf('dataLoaders'));
    for (const [id, feature] of Object.entries(loaderFeatures)) expect(feature.id).toBe(id);
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
    // A new deployment strategy in the schema, with no feature module (src/features/strategies/<id>/):
    // @ts-expect-error Property '"edge"' is missing
    const edgeModule: Record<Answers['strategies'][number] | 'edge', unknown> = strategyFeatures;
    // @ts-expect-error Property 'database' is missing
    const noDatabase: typeof strategyFeatures = { batch: strategyFeatures.batch, rest: strategyFeatures.rest, serverless: strategyFeatures.serverless, preprocess: strategyFeatures.preprocess, stream: strategyFeatures.stream };
    // A new data loader in the schema, with no feature module (src/features/loaders/<id>/):
    // @ts-expect-error Property '"json"' is missing
    const jsonModule: Record<Answers['dataLoaders'][number] | 'json', unknown> = loaderFeatures;
    // @ts-expect-error Property '"3.14"' is missing
    const withPython314: Record<Answers['pythonVersion'] | '3.14', string> = pythonImages;
    // @ts-expect-error Property 'classic' is missing
    const onlyRuff: typeof stackChecks = { ruff: stackChecks.ruff };
    expect([pdmModule, noConda, bitbucketModule, noNone, edgeModule, noDatabase, jsonModule, withPython314, onlyRuff].every(Boolean)).toBe(true);
  });
});
