/** The requirement questions of seed 002, with the answers the decision table speaks of. */
export const REQUIREMENTS = {
  volume: { question: 'Data throughput (volume): how much data per day, week or month?', values: ['low', 'moderate', 'high', 'massive'] },
  churn: { question: 'Data churn: how often does the data change?', values: ['never', 'low', 'timed', 'constant'] },
  sla: { question: 'SLA: is a real-time, millisecond answer required?', values: ['yes', 'maybe', 'no'] },
  consumer: {
    question: 'Who is the "customer" system?',
    values: ['internal-high-throughput', 'external', 'internal-private-network', 'file-based', 'database'],
  },
  stateful: { question: 'Statefulness: do custom configurations alter the state of the system?', values: ['yes', 'no'] },
  degradation: { question: 'Model degradation: how quickly does predictive quality decay?', values: ['slow', 'moderate', 'fast'] },
  frequency: { question: 'Frequency of operation: how often do customers invoke the model?', values: ['rarely', 'scheduled', 'continuously'] },
} as const;

export type RequirementId = keyof typeof REQUIREMENTS;
export type Requirements = { [K in RequirementId]?: (typeof REQUIREMENTS)[K]['values'][number] };
