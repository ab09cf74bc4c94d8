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

/** One factor of the covering sample: an option, or one choice of a multi-choice option (in or out). */
interface Axis {
  readonly id: string;
  readonly values: readonly unknown[];
  readonly choiceOf?: string;
}

/**
 * The factors: a choice or boolean option is one axis; a multi-choice option is one in-or-out
 * axis per choice, so every pair of choices (of two options, or of one) is covered without
 * multiplying subsets. `fixed` pins an option to one value.
 */
function axesOf(schema: readonly OptionDef[], fixed: Combination): Axis[] {
  return schema.flatMap((option): Axis[] => {
    const pinned = fixed[option.id];
    if (option.kind === 'multi' && !option.documentationOnly) {
      return option.choices.map((c) => ({
        id: `${option.id}=${c.value}`,
        choiceOf: option.id,
        values: pinned !== undefined ? [(pinned as unknown[]).includes(c.value)] : [true, false],
      }));
    }
    const values = pinned !== undefined ? [pinned] : levelsOf(option);
    return values ? [{ id: option.id, values }] : [];
  });
}

/** Axis values back to answers; a multi-choice option appears once all its choices are decided. */
function comboOf(axes: readonly Axis[], indices: readonly number[]): Combination {
  const combo: Combination = {};
  const open = new Set<string>();
  axes.forEach((axis, i) => {
    const v = indices[i]!;
    if (!axis.choiceOf) {
      if (v !== -1) combo[axis.id] = axis.values[v];
      return;
    }
    if (v === -1) open.add(axis.choiceOf);
    const chosen = (combo[axis.choiceOf] ??= []) as string[];
    if (axis.values[v] === true) chosen.push(axis.id.slice(axis.choiceOf.length + 1));
  });
  for (const id of open) delete combo[id];
  return combo;
}

/**
 * A covering sample: every pair of values of two factors appears in at least one valid
 * combination (greedy, deterministic). `fixed` pins options (e.g. the Python version CI has).
 */
export function pairwiseSample(
  fixed: Combination = {},
  schema: readonly OptionDef[] = optionSchema,
  rules: readonly Constraint[] = allConstraints,
): Combination[] {
  const axes = axesOf(schema, fixed);
  const key = (a: number, va: number, b: number, vb: number) => `${a}:${va}|${b}:${vb}`;
  const valid = (combo: Combination) => !rules.some((rule) => rule.violated(combo));
  // Unassigned axes (-1) are left out, so rules can judge a partial combination.
  const toCombo = (indices: number[]) => comboOf(axes, indices);

  // Every pair that some valid combination can hold.
  const uncovered = new Set<string>();
  for (let a = 0; a < axes.length; a++) {
    for (let b = a + 1; b < axes.length; b++) {
      for (let va = 0; va < axes[a]!.values.length; va++) {
        for (let vb = 0; vb < axes[b]!.values.length; vb++) uncovered.add(key(a, va, b, vb));
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
        const options = axes[axis]!.values.map((_, v) => v).sort(() => random() - 0.5);
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
