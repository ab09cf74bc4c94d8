import { advise } from '../advisor/advise.js';
import type { Requirements } from '../advisor/requirements.js';
import type { Answers } from '../options/schema.js';
import type { Component } from './component.js';

const QUESTIONS = ['volume', 'churn', 'sla', 'consumer', 'stateful', 'degradation', 'frequency'] as const;

/** The requirements that were answered (not `unanswered`). */
export function answeredRequirements(answers: Answers): Requirements {
  const out: Record<string, string> = {};
  for (const id of QUESTIONS) {
    const value = (answers as Record<string, unknown>)[id];
    if (typeof value === 'string' && value !== 'unanswered') out[id] = value;
  }
  return out as Requirements;
}

/** With any requirement answered: docs/adr/0001-deployment-strategy.md, the decision and its reasons. */
export const adrComponent: Component = {
  id: 'adr',
  contribute: (answers) => {
    const requirements = answeredRequirements(answers);
    if (Object.keys(requirements).length === 0) return undefined;
    const advice = advise(requirements);
    return {
      overlays: ['adr'],
      data: {
        advice,
        requirementRows: QUESTIONS.map((id) => ({ id, answer: (requirements as Record<string, string | undefined>)[id] ?? 'not answered' })),
        adviceIsRest: advice.strategy === 'rest',
        adviceIsBatch: advice.strategy === 'batch',
      },
    };
  },
};
