import { describe, expect, it } from 'vitest';
import { advise } from '../../src/advisor/advise.js';
import { DECISION_TABLE } from '../../src/advisor/decisionTable.js';
import { REQUIREMENTS, type Requirements } from '../../src/advisor/requirements.js';

// One case per row of seed 002's table, answered as the row reads ("any" cells take a plain value).
const rows: [string, Requirements][] = [
  ['stream', { volume: 'massive', churn: 'constant', sla: 'yes', consumer: 'internal-high-throughput', stateful: 'no' }],
  ['rest', { volume: 'moderate', churn: 'low', sla: 'yes', consumer: 'external', stateful: 'no' }],
  ['preprocess', { volume: 'low', churn: 'never', sla: 'no', consumer: 'file-based', stateful: 'yes' }],
  ['serverless', { volume: 'low', churn: 'timed', sla: 'maybe', consumer: 'internal-private-network', stateful: 'no' }],
  ['batch', { volume: 'high', churn: 'timed', sla: 'no', consumer: 'file-based', stateful: 'yes' }],
  ['database', { volume: 'low', churn: 'low', sla: 'maybe', consumer: 'database', stateful: 'yes' }],
];

describe('deployment advisor (seed 002 decision table)', () => {
  it('has one case per row of the table', () => {
    expect(rows.map(([s]) => s).sort()).toEqual(DECISION_TABLE.map((r) => r.strategy).sort());
  });

  it.each(rows)('the answers of the %s row recommend it, exactly', (strategy, answers) => {
    const advice = advise(answers);
    expect(advice.strategy).toBe(strategy);
    expect(advice.confidence).toBe('exact');
  });

  it.each(rows)('and back: changing any constrained answer of the %s row leaves it no longer an exact match', (strategy, answers) => {
    const row = DECISION_TABLE.find((r) => r.strategy === strategy)!;
    for (const [column, accepted] of Object.entries(row.accepts)) {
      const values = REQUIREMENTS[column as keyof typeof REQUIREMENTS].values as readonly string[];
      for (const other of values.filter((v) => !(accepted as readonly string[]).includes(v))) {
        const advice = advise({ ...answers, [column]: other });
        const rowScore = advice.ranking.find((r) => r.strategy === strategy)!;
        expect(rowScore.matched, `${column}=${other}`).toBeLessThan(5);
      }
    }
  });

  it('says how confident it is where the table leaves gaps, and why', () => {
    const advice = advise({ volume: 'massive', churn: 'timed', sla: 'no', consumer: 'external', stateful: 'yes' });
    expect(advice.confidence).not.toBe('exact');
    expect(advice.reasons.some((r) => r.includes('does not fit'))).toBe(true);
  });

  it('names the alternative where rows overlap', () => {
    expect(advise({ volume: 'moderate', churn: 'never', sla: 'yes', consumer: 'external', stateful: 'no' }).alternatives).toContain('preprocess');
  });

  it('recommends the batch engine from the workload size', () => {
    expect(advise({ volume: 'massive' }).batchEngine).toBe('dask-or-spark');
    expect(advise({ volume: 'high' }).batchEngine).toBe('pandas');
  });
});

describe('advise with nothing answered', () => {
  it('claims no exact match', async () => {
    const { advise } = await import('../../src/advisor/advise.js');
    expect(advise({}).confidence).toBe('low');
  });
});
