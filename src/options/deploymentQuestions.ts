import { REQUIREMENTS } from '../advisor/requirements.js';
import { defineChoice, defineString } from './optionTypes.js';
import { validateText } from './textRules.js';

const ids = ['volume', 'churn', 'sla', 'consumer', 'stateful', 'degradation', 'frequency'] as const;

/** Seed 002's second question: free text, recorded in the decision record and the model card. */
export const STAKEHOLDERS_QUESTION = 'Who are the stakeholders? Who is affected by how the model is developed and maintained?';

const stakeholders = defineString({
  id: 'stakeholders',
  group: 'deployment',
  message: STAKEHOLDERS_QUESTION,
  help: 'who the stakeholders are (free text, one line): written into the decision record and docs/model_card.md',
  valueName: '<text>',
  default: '',
  advanced: true,
  documentationOnly: true,
  // Empty: not answered. Any printable line otherwise; each template escapes it for its format.
  validate: (value) => (value === '' ? undefined : validateText('stakeholders answer', value, { maxLength: 500 })),
});

function requirementQuestion(id: (typeof ids)[number]) {
  return defineChoice({
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
  });
}

/**
 * One option per requirement question of seed 002, in the seed's order: the choices default to
 * `unanswered`, the stakeholders to an empty answer. They only shape the decision record and the
 * model card, so the test matrix leaves them out.
 */
export function deploymentQuestions() {
  const [volume, ...rest] = ids.map(requirementQuestion);
  return [volume!, stakeholders, ...rest];
}
