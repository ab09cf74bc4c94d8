import type { OptionDef } from './optionTypes.js';
import { constraints, optionSchema } from './schema.js';

/**
 * Every valid combination of the choice and boolean options (free-text options keep their
 * defaults), for the test matrix. Multi-choice options contribute every subset.
 */
export function enumerateCombinations(): Record<string, unknown>[] {
  const schema: readonly OptionDef[] = optionSchema;
  let combos: Record<string, unknown>[] = [{}];
  for (const option of schema) {
    const values = valuesOf(option);
    if (!values) continue;
    combos = combos.flatMap((combo) => values.map((value) => ({ ...combo, [option.id]: value })));
  }
  return combos.filter((combo) => !constraints.some((rule) => rule.violated(combo)));
}

function valuesOf(option: OptionDef): unknown[] | undefined {
  switch (option.kind) {
    case 'choice':
      return option.choices.map((c) => c.value);
    case 'boolean':
      return [true, false];
    case 'multi': {
      const all = option.choices.map((c) => c.value);
      return all.reduce<string[][]>((subsets, value) => subsets.concat(subsets.map((s) => [...s, value])), [[]]);
    }
    case 'string':
      return undefined;
  }
}
