import { describe, expect, it } from 'vitest';
import { flagName, type OptionDef } from '../../src/options/optionTypes.js';
import { optionSchema } from '../../src/options/schema.js';
import { runFlags } from '../../src/cli/runFlags.js';

const schema: readonly OptionDef[] = optionSchema;

describe('option schema', () => {
  it('has unique ids and flags that do not clash with the run flags', () => {
    const ids = schema.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    const runNames = runFlags.flatMap((f) => f.flags.match(/--[a-z-]+/g) ?? []);
    for (const id of ids) expect(runNames).not.toContain(`--${flagName(id)}`);
  });

  it('gives every option a question and help text', () => {
    for (const option of schema) {
      expect(option.message.length, option.id).toBeGreaterThan(2);
      expect(option.help.length, option.id).toBeGreaterThan(5);
    }
  });

  it('has choice defaults that are valid choices', () => {
    for (const option of schema) {
      if (option.kind !== 'choice' || option.default === undefined || typeof option.default === 'function') continue;
      const values = option.choices.map((c) => c.value);
      expect(values, option.id).toContain(option.default);
    }
  });

  it('asks the project name before the names derived from it', () => {
    const ids = schema.map((o) => o.id);
    expect(ids.indexOf('projectName')).toBeLessThan(ids.indexOf('packageName'));
  });
});
