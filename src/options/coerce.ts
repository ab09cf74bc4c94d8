import { printable } from './names.js';
import type { OptionDef } from './optionTypes.js';
import { flagName } from './optionTypes.js';

/** Turns a raw value (a flag's string, an answers-file value) into the option's type, or explains why not. */
export function coerce(option: OptionDef, raw: unknown): { value: unknown } | { error: string } {
  switch (option.kind) {
    case 'string':
      if (typeof raw === 'string') return { value: raw };
      if (typeof raw === 'number') return { value: String(raw) };
      return { error: 'expected text' };
    case 'boolean':
      if (typeof raw === 'boolean') return { value: raw };
      if (raw === 'true' || raw === 'yes') return { value: true };
      if (raw === 'false' || raw === 'no') return { value: false };
      return { error: 'expected true or false' };
    case 'choice': {
      const text = typeof raw === 'number' ? String(raw) : raw;
      const match = option.choices.find(
        (c) => typeof text === 'string' && c.value.toLowerCase() === text.toLowerCase(),
      );
      if (match) return { value: match.value };
      return { error: `"${printable(String(raw))}" is not one of: ${option.choices.map((c) => c.value).join(', ')}` };
    }
    case 'multi': {
      const list = typeof raw === 'string' ? splitList(raw) : raw;
      if (!Array.isArray(list)) return { error: 'expected a list' };
      const values: string[] = [];
      for (const item of list) {
        const match = option.choices.find(
          (c) => typeof item === 'string' && c.value.toLowerCase() === item.toLowerCase(),
        );
        if (!match) {
          return {
            error: `"${printable(String(item))}" is not one of: ${option.choices.map((c) => c.value).join(', ')}`,
          };
        }
        if (!values.includes(match.value)) values.push(match.value);
      }
      // Keep the schema's order, so equal sets give equal answers.
      return { value: option.choices.map((c) => c.value).filter((v) => values.includes(v)) };
    }
  }
}

function splitList(raw: string): string[] {
  if (raw.trim() === '' || raw.trim() === 'none') return [];
  return raw.split(',').map((s) => s.trim()).filter(Boolean);
}

export function describeSource(option: OptionDef, source: 'flag' | 'file'): string {
  return source === 'flag' ? `--${flagName(option.id)}` : `answers file "${option.id}"`;
}
