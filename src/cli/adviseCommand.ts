import { advise } from '../advisor/advise.js';
import { answeredRequirements, isRequirement } from '../advisor/answeredRequirements.js';
import type { Requirements } from '../advisor/requirements.js';
import { ExitCode } from '../errors.js';
import { shellWord } from '../render/escape.js';
import { resolveAnswers } from '../options/resolveAnswers.js';
import type { Output } from '../ui/output.js';
import { canAsk, type CliIo } from './cliIo.js';
import type { ParsedArgs } from './parseArgs.js';

type AdviseArgs = Extract<ParsedArgs, { kind: 'advise' }>;

/** Seed 002's questions: the decision table's requirements, and who the stakeholders are. */
function isAdvisorQuestion(id: string): boolean {
  return isRequirement(id) || id === 'stakeholders';
}

/** `advise`: the requirement questions of seed 002 in, a strategy with its reasons out. */
export async function runAdvise(out: Output, io: CliIo, parsed: AdviseArgs): Promise<number> {
  const interactive = canAsk(io, parsed.yes);
  const ask = interactive ? (await import('./prompts.js')).askInTerminal : undefined;
  const answers = await resolveAnswers({
    flags: parsed.flags,
    defaults: { projectName: 'advice' },
    ...(ask
      ? { ask: async (option, fallback, so) => (isAdvisorQuestion(option.id) ? ask(option, fallback, so) : fallback), askDeployment: true }
      : {}),
  });
  const requirements: Requirements = answeredRequirements(answers);
  const advice = advise(requirements);
  out.line(`${out.color.bold('Recommended:')} ${advice.name} (${advice.confidence} match)`);
  for (const reason of advice.reasons) out.line(`  - ${reason}`);
  if (advice.alternatives.length > 0) out.line(`Also fits: ${advice.alternatives.join(', ')}`);
  out.line(`Batch engine: ${advice.engineReason}`);
  const stakeholders = typeof answers.stakeholders === 'string' ? answers.stakeholders : '';
  if (stakeholders) out.line(`Stakeholders: ${stakeholders} (recorded in the decision record and the model card)`);
  const flags = [
    ...Object.entries(requirements).map(([id, value]) => `--${id} ${value}`),
    ...(stakeholders ? [`--stakeholders ${shellWord(stakeholders)}`] : []),
  ].join(' ');
  out.line();
  out.line(`Record it in a new project: npx create-ml-prod my-project ${flags}`.trimEnd());
  return ExitCode.ok;
}
