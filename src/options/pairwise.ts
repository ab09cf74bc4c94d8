import type { OptionDef } from './optionTypes.js';
import { constraints as allConstraints, optionSchema } from './schema.js';
import type { Constraint } from './optionTypes.js';

export type Combination = Record<string, unknown>;

/** The values an option takes in the test matrix; free text keeps its default. */
export function levelsOf(option: OptionDef): unknown[] | undefined {
  if (option.documentationOnly) return undefined;
  switch (option.kind) {
    case 'choice':
      return option.choices.map((c) => c.value);
    case 'boolean':
      return [true, false];
    case 'multi': {
      // Every single value, all of them, and none: the edges where combinations break.
      const all = option.choices.map((c) => c.value);
      return [all, ...all.map((v) => [v]), []];
    }
    case 'string':
      return undefined;
  }
}

/**
 * A covering sample: every pair of values of two options appears in at least one valid
 * combination (greedy, deterministic). `fixed` pins options (e.g. the Python version CI has).
 */
export function pairwiseSample(
  fixed: Combination = {},
  schema: readonly OptionDef[] = optionSchema,
  rules: readonly Constraint[] = allConstraints,
): Combination[] {
  const axes = schema
    .map((o) => [o.id, fixed[o.id] !== undefined ? [fixed[o.id]] : levelsOf(o)] as const)
    .filter((axis): axis is readonly [string, unknown[]] => axis[1] !== undefined);
  const key = (a: number, va: number, b: number, vb: number) => `${a}:${va}|${b}:${vb}`;
  const valid = (combo: Combination) => !rules.some((rule) => rule.violated(combo));
  // Unassigned axes (-1) are left out, so rules can judge a partial combination.
  const toCombo = (indices: number[]) =>
    Object.fromEntries(indices.flatMap((v, i) => (v === -1 ? [] : [[axes[i]![0], axes[i]![1][v]] as const])));

  // Every pair that some valid combination can hold.
  const uncovered = new Set<string>();
  for (let a = 0; a < axes.length; a++) {
    for (let b = a + 1; b < axes.length; b++) {
      for (let va = 0; va < axes[a]![1].length; va++) {
        for (let vb = 0; vb < axes[b]![1].length; vb++) uncovered.add(key(a, va, b, vb));
      }
    }
  }
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const sample: Combination[] = [];
  while (uncovered.size > 0) {
    // Complete the first uncovered pair in many random orders; keep the valid completion that
    // covers the most new pairs. A pair no valid completion holds is impossible: drop it.
    const first = uncovered.values().next().value as string;
    const fixedPair = first.split('|').map((p) => p.split(':').map(Number));
    let best: number[] | undefined;
    let bestGain = 0;
    for (let attempt = 0; attempt < 80; attempt++) {
      const indices: number[] = axes.map(() => -1);
      for (const [axis, value] of fixedPair) indices[axis!] = value!;
      const order = axes.map((_, i) => i).filter((i) => indices[i] === -1).sort(() => random() - 0.5);
      for (const axis of order) {
        const options = axes[axis]![1].map((_, v) => v).sort(() => random() - 0.5);
        let choice = options[0]!;
        let choiceGain = -1;
        for (const v of options) {
          indices[axis] = v;
          const allowed = valid(toCombo(indices));
          indices[axis] = -1;
          if (!allowed) continue;
          let gain = 0;
          for (let other = 0; other < axes.length; other++) {
            if (indices[other] === -1 || other === axis) continue;
            const [a, va, b, vb] = axis < other ? [axis, v, other, indices[other]!] : [other, indices[other]!, axis, v];
            if (uncovered.has(key(a, va, b, vb))) gain++;
          }
          if (gain > choiceGain) [choice, choiceGain] = [v, gain];
        }
        indices[axis] = choice;
      }
      if (!valid(toCombo(indices))) continue;
      let gain = 0;
      for (let a = 0; a < axes.length; a++) for (let b = a + 1; b < axes.length; b++) if (uncovered.has(key(a, indices[a]!, b, indices[b]!))) gain++;
      if (gain > bestGain) [best, bestGain] = [indices, gain];
    }
    if (!best) {
      uncovered.delete(first);
      continue;
    }
    for (let a = 0; a < axes.length; a++) for (let b = a + 1; b < axes.length; b++) uncovered.delete(key(a, best[a]!, b, best[b]!));
    sample.push(toCombo(best));
  }
  return sample;
}
