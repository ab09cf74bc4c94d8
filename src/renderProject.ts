import path from 'node:path';
import { resolveAnswers } from './options/resolveAnswers.js';
import type { TeamTemplateRef } from './plan/answersRecord.js';
import { buildPlan } from './plan/buildPlan.js';
import type { Plan } from './plan/plan.js';
import { loadTeamTemplate } from './team/teamTemplate.js';
import { generatorVersion, templatesRoot } from './templatesRoot.js';

export interface RenderProjectInput {
  /** Recorded or given answers; what is missing takes its default. */
  readonly answers: Readonly<Record<string, unknown>>;
  /** The team overlay, with its path relative to `projectRoot` (or absolute). */
  readonly template?: Pick<TeamTemplateRef, 'path'>;
  readonly projectRoot: string;
}

/**
 * This generator version's output for a set of answers, in memory. `update` calls it on the
 * current version and on the recorded one (loaded from that version's own package), so every
 * version renders its own files with its own engine.
 */
export async function renderProject(input: RenderProjectInput): Promise<Plan> {
  const team = input.template
    ? loadTeamTemplate(path.resolve(input.projectRoot, input.template.path), input.template.path)
    : undefined;
  const answers = await resolveAnswers({
    file: input.answers,
    defaults: { projectName: path.basename(input.projectRoot) },
    ...(team ? { extraOptions: team.options } : {}),
  });
  return buildPlan({
    answers,
    templatesRoot: templatesRoot(),
    generatorVersion: generatorVersion(),
    ...(team ? { teamTemplate: { root: team.root, ref: team.ref } } : {}),
  });
}
