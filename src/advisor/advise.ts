import { DECISION_TABLE, STRATEGY_NAMES, type Row, type Strategy } from './decisionTable.js';
import type { Requirements } from './requirements.js';

const COLUMNS = ['volume', 'churn', 'sla', 'consumer', 'stateful'] as const;

export interface RowScore {
  readonly strategy: Strategy;
  /** Columns the answers satisfy, out of the five. */
  readonly matched: number;
  readonly reasons: readonly string[];
}

export interface Advice {
  readonly strategy: Strategy;
  readonly name: string;
  /** 'exact': one row matches every answered column; otherwise how close the best row is. */
  readonly confidence: 'exact' | 'partial' | 'low';
  readonly reasons: readonly string[];
  /** Other rows that fit every answered column too (the table overlaps, e.g. never-changing data). */
  readonly alternatives: readonly Strategy[];
  readonly ranking: readonly RowScore[];
  /** Seed 002's batch options: pandas while it fits, Dask or PySpark for massive workloads. */
  readonly batchEngine: 'pandas' | 'dask-or-spark';
  readonly engineReason: string;
}

function score(row: Row, answers: Requirements): RowScore {
  const reasons: string[] = [];
  let matched = 0;
  for (const column of COLUMNS) {
    const accepted = row.accepts[column] as readonly string[] | undefined;
    const answer = answers[column];
    if (!accepted || answer === undefined || accepted.includes(answer)) {
      matched++;
      reasons.push(`${column}: ${answer ?? 'not answered'} fits "${row.words[column]}"`);
    } else {
      reasons.push(`${column}: ${answer} does not fit "${row.words[column]}"`);
    }
  }
  return { strategy: row.strategy, matched, reasons };
}

/**
 * Seed 002's decision table as a function. A row whose every column accepts the answers wins;
 * when several do, the more specific row (fewer "any" cells) wins; when none does (the table
 * has gaps), the closest row is recommended with its mismatches stated.
 */
export function advise(answers: Requirements): Advice {
  const ranking = DECISION_TABLE.map((row) => ({ row, result: score(row, answers) }))
    .sort((a, b) => b.result.matched - a.result.matched || specificity(b.row) - specificity(a.row));
  const best = ranking[0]!;
  // Nothing answered matches every row: that is no evidence, so no "exact match" is claimed.
  const answered = COLUMNS.filter((c) => answers[c] !== undefined).length;
  const confidence = answered === 0 ? 'low' : best.result.matched === COLUMNS.length ? 'exact' : best.result.matched >= 3 ? 'partial' : 'low';
  const massive = answers.volume === 'massive';
  return {
    strategy: best.row.strategy,
    name: STRATEGY_NAMES[best.row.strategy],
    confidence,
    reasons: best.result.reasons,
    alternatives: ranking.slice(1).filter((r) => r.result.matched === COLUMNS.length).map((r) => r.row.strategy),
    ranking: ranking.map((r) => r.result),
    batchEngine: massive ? 'dask-or-spark' : 'pandas',
    engineReason: massive
      ? 'massive workload: Dask or PySpark (seed 002); stay on pandas for anything a large server holds'
      : `${answers.volume ?? 'unknown'} workload: pandas (seed 002: small, medium, and large if the server is large enough)`,
  };
}

function specificity(row: Row): number {
  return Object.keys(row.accepts).length;
}
