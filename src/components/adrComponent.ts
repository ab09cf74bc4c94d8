import { advise } from '../advisor/advise.js';
import { answeredRequirements } from '../advisor/answeredRequirements.js';
import { REQUIREMENTS, type RequirementId } from '../advisor/requirements.js';
import type { Component } from './component.js';

const QUESTIONS = Object.keys(REQUIREMENTS) as RequirementId[];

/**
 * With any requirement answered, or the stakeholders named: docs/adr/0001-deployment-strategy.md,
 * the decision, its reasons and who it is for.
 */
export const adrComponent: Component = {
  id: 'adr',
  contribute: (answers) => {
    const requirements = answeredRequirements(answers);
    const stakeholders = typeof answers.stakeholders === 'string' ? answers.stakeholders : '';
    if (Object.keys(requirements).length === 0 && stakeholders === '') return undefined;
    const advice = advise(requirements);
    return {
      overlays: ['adr'],
      data: {
        advice,
        requirementRows: QUESTIONS.map((id) => ({ id, answer: (requirements as Record<string, string | undefined>)[id] ?? 'not answered' })),
      },
    };
  },
};
