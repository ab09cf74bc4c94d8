import { readFileSync } from 'node:fs';
import { components as allComponents } from '../components/components.js';
import type { Component } from '../components/component.js';
import type { Answers } from '../options/schema.js';
import { createRenderer, type RenderContext } from '../render/handlebars.js';
import { RECORD_FILE, serialiseRecord } from './answersRecord.js';
import { layoutTree } from './layoutTree.js';
import { outputPath } from './outputPath.js';
import type { Plan, PlannedFile } from './plan.js';
import { listTemplateFiles, type TemplateFile } from './templateTree.js';

export interface BuildPlanInput {
  readonly answers: Answers;
  readonly templatesRoot: string;
  readonly generatorVersion: string;
  readonly components?: readonly Component[];
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
  for (const overlay of contributions.flatMap((c) => c.overlays)) {
    for (const file of listTemplateFiles(input.templatesRoot, overlay)) {
      layered.set(outputPath(file.relative, context, renderer), file);
    }
  }
  const paths = [...layered.keys(), RECORD_FILE].sort();
  context.layout = layoutTree(answers.projectName, answers.packageName, paths);

  // 3. Render: only *.hbs files go through Handlebars; everything else is copied byte for byte.
  const files: PlannedFile[] = [...layered].map(([path, file]) => {
    const raw = readFileSync(file.absolute);
    const content = file.relative.endsWith('.hbs')
      ? Buffer.from(renderer.render(raw.toString('utf8'), context, file.source), 'utf8')
      : raw;
    return { path, content, mode: file.mode, source: file.source };
  });
  files.push({
    path: RECORD_FILE,
    content: Buffer.from(serialiseRecord(input.generatorVersion, answers), 'utf8'),
    mode: 0o644,
    source: '',
  });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { answers, files };
}
