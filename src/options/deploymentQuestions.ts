import { REQUIREMENTS } from '../advisor/requirements.js';
import { defineChoice } from './optionTypes.js';

const ids = ['volume', 'churn', 'sla', 'consumer', 'stateful', 'degradation', 'frequency'] as const;

/**
 * One option per requirement question of seed 002, each with an `unanswered` default. They
 * only shape the decision record, so the test matrix leaves them out.
 */
export function deploymentQuestions() {
  return ids.map((id) =>
    defineChoice({
      id,
      group: 'deployment',
      message: REQUIREMENTS[id].question,
      help: REQUIREMENTS[id].question,
      valueName: '<answer>',
      default: 'unanswered',
      advanced: true,
      documentationOnly: true,
      choices: [
        { value: 'unanswered', help: 'not answered' },
        ...REQUIREMENTS[id].values.map((value: string) => ({ value, help: value })),
      ],
    }),
  );
}
