import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { components as allComponents } from '../components/components.js';
import type { Component } from '../components/component.js';
import type { Answers } from '../options/schema.js';
import { createRenderer, type RenderContext } from '../render/handlebars.js';
import { hashOf } from '../fs/hashContent.js';
import { fragmentsOf } from '../features/featureModule.js';
import { featuresRoot } from '../templatesRoot.js';
import { RECORD_FILE, serialiseRecord, type TeamTemplateRef } from './answersRecord.js';
import { layoutTree } from './layoutTree.js';
import { outputPath } from './outputPath.js';
import type { Plan, PlannedFile } from './plan.js';
import { listTemplateFiles, type TemplateFile } from './templateTree.js';

export interface BuildPlanInput {
  readonly answers: Answers;
  readonly templatesRoot: string;
  /** Where the feature modules' files and fragments are (src/features/ of this package unless given). */
  readonly featuresRoot?: string;
  readonly generatorVersion: string;
  readonly components?: readonly Component[];
  /** A team overlay, layered last: its folder, and how the record names it. */
  readonly teamTemplate?: { readonly root: string; readonly ref: TeamTemplateRef };
}

/** Answers in, every file of the project out: base layer, then one overlay per component. */
export function buildPlan(input: BuildPlanInput): Plan {
  const { answers } = input;
  const renderer = createRenderer();

  // 1. Each component's contribution: overlay folders and render data.
  const contributions = (input.components ?? allComponents)
    .map((component) => component.contribute(answers))
    .filter((c) => c !== undefined);
  const context: RenderContext = { ...answers, generatorVersion: input.generatorVersion };
  for (const contribution of contributions) Object.assign(context, contribution.data);

  // 2. Layer the overlays: a later overlay's file replaces an earlier one at the same output path.
  const layered = new Map<string, TemplateFile>();
  const featureRoot = input.featuresRoot ?? featuresRoot();
  const layers = contributions.flatMap((c) => [
    ...c.overlays.map((overlay) => [input.templatesRoot, overlay] as const),
    ...(c.featureOverlays ?? []).map((overlay) => [featureRoot, overlay] as const),
  ]);
  if (input.teamTemplate) layers.push([input.teamTemplate.root, 'files']);
  for (const [root, overlay] of layers) {
    for (const file of listTemplateFiles(root, overlay)) {
      const output = outputPath(file.relative, context, renderer);
      if (output === RECORD_FILE) throw new UsageError(`template ${file.source} would replace ${RECORD_FILE}, which the generator owns`);
      layered.set(output, file);
    }
  }
  const paths = [...layered.keys(), RECORD_FILE].sort();
  context.layout = layoutTree(answers.projectName, answers.packageName, paths);

  // 3. Render: only *.hbs files go through Handlebars; everything else is copied byte for byte.
  const sources = [...layered].map(([path, file]) => {
    const raw = readFileSync(file.absolute);
    return { path, file, raw, text: file.relative.endsWith('.hbs') ? raw.toString('utf8') : undefined };
  });
  // The feature modules' fragments, which hub templates render with `{{> prefix/name}}`; the
  // chosen modules' fragments of one name render in order (a multi-choice option's), an
  // unchosen module's names render nothing.
  const partials = new Map<string, { text: string; file: string }[]>();
  for (const { prefix, folder, chosen } of contributions.flatMap((c) => c.partials ?? [])) {
    // A module with no fragments has no folder (git keeps no empty one).
    const names = existsSync(path.join(featureRoot, folder)) ? readdirSync(path.join(featureRoot, folder)) : [];
    for (const name of names.filter((n) => n.endsWith('.hbs')).sort()) {
      const file = `${folder}/${name}`;
      for (const fragment of fragmentsOf(name.slice(0, -'.hbs'.length), readFileSync(path.join(featureRoot, file), 'utf8'))) {
        const sources = partials.get(`${prefix}/${fragment.name}`) ?? [];
        partials.set(`${prefix}/${fragment.name}`, chosen === false ? sources : [...sources, { text: fragment.text, file }]);
      }
    }
  }
  renderer.preload([...sources.flatMap((s) => (s.text === undefined ? [] : [s.text])), ...[...partials.values()].flat().map((p) => p.text)]);
  for (const [name, fragments] of partials) renderer.registerPartial(name, fragments);
  const files: PlannedFile[] = sources.map(({ path, file, raw, text }) => {
    const content = text === undefined ? raw : Buffer.from(renderer.render(text, context, file.source), 'utf8');
    return { path, content, mode: file.mode, source: file.source };
  });
  renderer.finish();
  const hashes = Object.fromEntries(files.map((f) => [f.path, hashOf(f.content)] as const).sort(([a], [b]) => (a < b ? -1 : 1)));
  const record = {
    generator: 'create-ml-prod' as const,
    version: input.generatorVersion,
    answers,
    ...(input.teamTemplate ? { template: input.teamTemplate.ref } : {}),
    files: hashes,
  };
  files.push({ path: RECORD_FILE, content: Buffer.from(serialiseRecord(record), 'utf8'), mode: 0o644, source: '' });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { answers, files };
}
