import { describe, expect, it } from 'vitest';
import { flagName, type OptionDef } from '../../src/options/optionTypes.js';
import { optionSchema } from '../../src/options/schema.js';
import { parseArgs, type ParsedArgs } from '../../src/cli/parseArgs.js';

type CreateArgs = Extract<ParsedArgs, { kind: 'create' }>;
type UpdateArgs = Extract<ParsedArgs, { kind: 'update' }>;

const schema: readonly OptionDef[] = optionSchema;

describe('option schema', () => {
  it('has unique ids and flags that do not clash with the run flags', () => {
    const ids = schema.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    // The parsers themselves: a clashing flag fails to register (commander refuses), or would be
    // read as a run setting instead of the answer.
    const plain = parseArgs(['demo']) as CreateArgs;
    const plainUpdate = parseArgs(['update']) as UpdateArgs;
    for (const option of schema) {
      const flag = `--${flagName(option.id)}`;
      const given: [string[], unknown][] =
        option.kind === 'boolean'
          ? [[[flag], true], [[flag.replace(/^--/, '--no-')], false]]
          : [[[flag, option.kind === 'string' ? 'some-text' : option.choices[0]!.value], option.kind === 'string' ? 'some-text' : option.choices[0]!.value]];
      for (const [args, value] of given) {
        const created = parseArgs(['demo', ...args]) as CreateArgs;
        expect(created.kind, args.join(' ')).toBe('create');
        expect(created.flags, args.join(' ')).toEqual({ [option.id]: value });
        expect(created.run, args.join(' ')).toEqual(plain.run);
        const updated = parseArgs(['update', ...args]) as UpdateArgs;
        expect(updated.flags, `update ${args.join(' ')}`).toEqual({ [option.id]: value });
        expect({ ...updated, flags: {} }, `update ${args.join(' ')}`).toEqual(plainUpdate);
      }
    }
    // And the run flags still steer the run with every option registered.
    const run = (parseArgs(['demo', '--force', '--dry-run', '--no-git', '--install', '--verify', '--conflict', 'skip']) as CreateArgs).run;
    expect(run).toMatchObject({ force: true, dryRun: true, git: false, install: true, verify: true, conflict: 'skip' });
    expect((parseArgs(['demo', '--force']) as CreateArgs).flags).toEqual({});
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
