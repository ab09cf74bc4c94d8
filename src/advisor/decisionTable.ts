import type { Requirements } from './requirements.js';

export type Strategy = 'stream' | 'rest' | 'preprocess' | 'serverless' | 'batch' | 'database';

export const STRATEGY_NAMES: Record<Strategy, string> = {
  stream: 'Pub/Sub event stream',
  rest: 'Web service (REST API)',
  preprocess: 'Pre-process: precompute and pass the results to the source system',
  serverless: 'Serverless functions (e.g. AWS Lambda)',
  batch: 'Batch',
  database: 'Database integration',
};

/** One row of seed 002's table: per column, the answers it accepts (absent = any). */
export interface Row {
  readonly strategy: Strategy;
  /** The row as the seed words it, for the decision record. */
  readonly words: Readonly<Record<'volume' | 'churn' | 'sla' | 'consumer' | 'stateful', string>>;
  readonly accepts: { readonly [K in 'volume' | 'churn' | 'sla' | 'consumer' | 'stateful']?: readonly NonNullable<Requirements[K]>[] };
}

// Seed 002, row by row. "Ideally, No" accepts no; "Yes or No" and "Any" accept everything; an
// empty cell (database integration's customer) accepts everything too.
export const DECISION_TABLE: readonly Row[] = [
  {
    strategy: 'stream',
    words: { volume: 'Massive', churn: 'Constantly', sla: 'Yes', consumer: 'Internal & high throughput', stateful: 'Ideally, no' },
    accepts: { volume: ['massive'], churn: ['constant'], sla: ['yes'], consumer: ['internal-high-throughput'], stateful: ['no'] },
  },
  {
    strategy: 'rest',
    words: { volume: 'Moderate to high', churn: 'Any', sla: 'Yes', consumer: 'External to the infrastructure', stateful: 'Ideally, no' },
    accepts: { volume: ['moderate', 'high'], sla: ['yes'], consumer: ['external'], stateful: ['no'] },
  },
  {
    strategy: 'preprocess',
    words: { volume: 'Any', churn: 'Never changes', sla: 'Any', consumer: 'Any', stateful: 'Any' },
    accepts: { churn: ['never'] },
  },
  {
    strategy: 'serverless',
    words: { volume: 'Low to moderate', churn: 'Timed cadence', sla: 'Maybe', consumer: 'Internal, in private networks', stateful: 'No' },
    accepts: { volume: ['low', 'moderate'], churn: ['timed'], sla: ['maybe'], consumer: ['internal-private-network'], stateful: ['no'] },
  },
  {
    strategy: 'batch',
    words: { volume: 'Moderate to high', churn: 'Timed cadence', sla: 'No', consumer: 'Internal/external, file-based', stateful: 'Yes or no' },
    accepts: { volume: ['moderate', 'high'], churn: ['timed'], sla: ['no'], consumer: ['file-based'] },
  },
  {
    strategy: 'database',
    words: { volume: 'Low', churn: 'Low', sla: 'Maybe', consumer: '(not given)', stateful: 'Yes' },
    accepts: { volume: ['low'], churn: ['low'], sla: ['maybe'], stateful: ['yes'] },
  },
];
