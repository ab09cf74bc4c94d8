/** @import { Contender } from './types.js' */
import { median } from './median.mjs';
import { timeCommand } from './timeCommand.mjs';

/**
 * Times the contenders side by side: one warm-up round (discarded: it fills the page cache and
 * catches a command that cannot run at all), then rounds of A, B, C, A, B, C... so that drift of
 * the machine (thermal, other load) hits every contender alike. Bounded: at most `runs` rounds, and
 * no new round once `budgetMs` is spent (but at least `minRuns`). A contender that fails is dropped
 * with its output kept for the report; the others go on.
 * @param {readonly Contender[]} contenders
 * @param {{ runs: number, budgetMs: number, minRuns?: number, env: Record<string, string>, timeoutMs?: number }} options
 */
export function interleave(contenders, options) {
  /** @type {Map<string, number[]>} */
  const samples = new Map(contenders.map((c) => [c.name, []]));
  /** @type {Map<string, string>} */
  const failures = new Map();
  const once = (/** @type {Contender} */ contender) => {
    const { file, args, cwd, cleanup } = contender.prepare();
    try {
      const result = timeCommand(file, args, { cwd, env: options.env, timeoutMs: options.timeoutMs });
      if (!result.ok) failures.set(contender.name, result.output.trim());
      return result;
    } finally {
      cleanup?.();
    }
  };
  const live = () => contenders.filter((c) => !failures.has(c.name));

  for (const contender of contenders) once(contender);
  const started = Date.now();
  let rounds = 0;
  while (rounds < options.runs && (rounds < (options.minRuns ?? 3) || Date.now() - started < options.budgetMs)) {
    for (const contender of live()) {
      const result = once(contender);
      if (result.ok) samples.get(contender.name)?.push(result.ms);
    }
    rounds += 1;
  }
  /** @type {Map<string, { median: number, min: number, max: number, n: number }>} */
  const stats = new Map();
  for (const contender of live()) {
    const values = samples.get(contender.name) ?? [];
    stats.set(contender.name, { median: median(values), min: Math.min(...values), max: Math.max(...values), n: values.length });
  }
  return { stats, failures, rounds };
}
