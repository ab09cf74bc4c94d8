import { REQUIREMENTS, type RequirementId, type Requirements } from './requirements.js';

/** The requirement questions that were answered (not `unanswered`), from resolved or partial answers. */
export function answeredRequirements(answers: Readonly<Record<string, unknown>>): Requirements {
  const out: Record<string, string> = {};
  for (const id of Object.keys(REQUIREMENTS) as RequirementId[]) {
    const value = answers[id];
    if (typeof value === 'string' && value !== 'unanswered') out[id] = value;
  }
  return out as Requirements;
}

export function isRequirement(id: string): id is RequirementId {
  return Object.hasOwn(REQUIREMENTS, id);
}
