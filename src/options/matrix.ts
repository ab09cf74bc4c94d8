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

/**
 * How many valid combinations there are, without walking them all: options that share a
 * constraint are enumerated together (each group on its own), every other option multiplies.
 */
export function countCombinations(fixed: Record<string, unknown> = {}): number {
  const schema: readonly OptionDef[] = optionSchema;
  const levels = new Map(
    schema
      .map((o) => [o.id, fixed[o.id] !== undefined ? [fixed[o.id]] : fullLevels(o)] as const)
      .filter((entry): entry is readonly [string, unknown[]] => entry[1] !== undefined),
  );
  // Group the options that constraints tie together (union of overlapping option lists).
  const groups: { options: Set<string>; rules: (typeof constraints)[number][] }[] = [];
  for (const rule of constraints) {
    const touching = groups.filter((g) => rule.options.some((o) => g.options.has(o)));
    const merged = { options: new Set(rule.options), rules: [rule] };
    for (const g of touching) {
      g.options.forEach((o) => merged.options.add(o));
      merged.rules.push(...g.rules);
      groups.splice(groups.indexOf(g), 1);
    }
    groups.push(merged);
  }
  let count = 1;
  const grouped = new Set(groups.flatMap((g) => [...g.options]));
  for (const [id, values] of levels) if (!grouped.has(id)) count *= values.length;
  for (const group of groups) count *= countValid([...group.options].map((id) => [id, levels.get(id) ?? []] as const), group.rules);
  return count;
}

function countValid(axes: readonly (readonly [string, unknown[]])[], rules: readonly (typeof constraints)[number][]): number {
  let count = 0;
  const indices = axes.map(() => 0);
  for (;;) {
    const combo = Object.fromEntries(axes.map(([id, values], i) => [id, values[indices[i]!]]));
    if (!rules.some((rule) => rule.violated(combo))) count++;
    let axis = axes.length - 1;
    while (axis >= 0 && ++indices[axis]! === axes[axis]![1].length) indices[axis--] = 0;
    if (axis < 0) return count;
  }
}
