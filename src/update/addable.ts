import { UsageError } from '../errors.js';
import { flagName, type OptionDef } from '../options/optionTypes.js';
import { optionSchema } from '../options/schema.js';

export interface Addable {
  /** What to type after `add`. */
  readonly name: string;
  readonly help: string;
  /** The answer it changes. */
  readonly change: Readonly<Record<string, unknown>>;
}

/**
 * What can be added to a project with these answers: a value of a multi-choice option not yet
 * chosen, a boolean option that is off, or a choice option that is at `none`. Adding is an
 * update with one answer changed.
 */
export function addableComponents(answers: Readonly<Record<string, unknown>>): Addable[] {
  const schema: readonly OptionDef[] = optionSchema;
  const out: Addable[] = [];
  for (const option of schema) {
    const current = answers[option.id];
    if (option.kind === 'multi' && Array.isArray(current)) {
      for (const choice of option.choices.filter((c) => !current.includes(c.value))) {
        out.push({ name: choice.value, help: `${option.message}: ${choice.help}`, change: { [option.id]: [...current, choice.value] } });
      }
    } else if (option.kind === 'boolean' && current === false) {
      out.push({ name: flagName(option.id), help: option.help, change: { [option.id]: true } });
    } else if (option.kind === 'choice' && current === 'none') {
      for (const choice of option.choices.filter((c) => c.value !== 'none')) {
        out.push({ name: choice.value, help: `${option.message}: ${choice.help}`, change: { [option.id]: choice.value } });
      }
    }
  }
  return out;
}

export function findAddable(answers: Readonly<Record<string, unknown>>, name: string): Addable {
  const candidates = addableComponents(answers);
  const found = candidates.filter((c) => c.name === name);
  if (found.length === 1) return found[0]!;
  const list = candidates.map((c) => c.name).join(', ') || 'nothing (every component is already in)';
  throw new UsageError(`add: "${name}" is not something this project can add; it can add: ${list}`);
}
