import type { OptionDef } from './optionTypes.js';
import { levelsOf } from './pairwise.js';
import { constraints, optionSchema } from './schema.js';

/**
 * Every valid combination of the choice, boolean and multi-choice options (free text keeps its
 * defaults; a multi-choice option takes every subset), lazily: the full matrix is millions.
 */
export function* allCombinations(fixed: Record<string, unknown> = {}): Generator<Record<string, unknown>> {
  const schema: readonly OptionDef[] = optionSchema;
  const axes = schema
    .map((o) => [o.id, fixed[o.id] !== undefined ? [fixed[o.id]] : fullLevels(o)] as const)
    .filter((axis): axis is readonly [string, unknown[]] => axis[1] !== undefined);
  const indices = axes.map(() => 0);
  for (;;) {
    const combo = Object.fromEntries(axes.map(([id, values], i) => [id, values[indices[i]!]]));
    if (!constraints.some((rule) => rule.violated(combo))) yield combo;
    let axis = axes.length - 1;
    while (axis >= 0 && ++indices[axis]! === axes[axis]![1].length) indices[axis--] = 0;
    if (axis < 0) return;
  }
}

function fullLevels(option: OptionDef): unknown[] | undefined {
  if (option.kind !== 'multi' || option.documentationOnly) return levelsOf(option);
  const all = option.choices.map((c) => c.value);
  return all.reduce<string[][]>((subsets, value) => subsets.concat(subsets.map((s) => [...s, value])), [[]]);
}

export function countCombinations(fixed: Record<string, unknown> = {}): number {
  let count = 0;
  const combinations = allCombinations(fixed);
  while (!combinations.next().done) count++;
  return count;
}
