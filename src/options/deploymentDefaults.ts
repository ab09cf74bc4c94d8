import { advise } from '../advisor/advise.js';
import { answeredRequirements } from '../advisor/answeredRequirements.js';
import type { Strategy } from '../advisor/decisionTable.js';
import type { DefaultContext } from './optionTypes.js';

/** The advised strategy when seed 002's questions were answered; else batch, plus rest with the service. */
export function defaultStrategies({ answers }: DefaultContext): Strategy[] {
  const requirements = answeredRequirements(answers);
  if (Object.keys(requirements).length > 0) return [advise(requirements).strategy];
  return answers.service === false ? ['batch'] : ['batch', 'rest'];
}

/** Dask for a massive workload (seed 002), pandas for everything a server holds. */
export function defaultBatchEngine({ answers }: DefaultContext): 'pandas' | 'dask' {
  return advise(answeredRequirements(answers)).batchEngine === 'dask-or-spark' ? 'dask' : 'pandas';
}
