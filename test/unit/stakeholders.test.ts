import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { helpText } from '../../src/cli/help.js';
import { flagName, type OptionDef } from '../../src/options/optionTypes.js';
import { resolveAnswers } from '../../src/options/resolveAnswers.js';
import { optionSchema } from '../../src/options/schema.js';
import { markdownText } from '../../src/render/escape.js';

const schema: readonly OptionDef[] = optionSchema;

describe("seed 002's second question: who are the stakeholders?", () => {
  it('is one schema entry, asked in the seed order (after the volume, before the churn)', () => {
    const option = schema.find((o) => o.id === 'stakeholders');
    expect(option?.kind).toBe('string');
    expect(option?.message).toMatch(/Who are the stakeholders\?/);
    const ids = schema.map((o) => o.id);
    expect(ids.indexOf('stakeholders')).toBe(ids.indexOf('volume') + 1);
    expect(ids.indexOf('churn')).toBe(ids.indexOf('stakeholders') + 1);
    expect(flagName('stakeholders')).toBe('stakeholders');
  });

  it('is in --help with its value name', () => {
    expect(helpText('0.0.0', new Chalk({ level: 0 }))).toMatch(/--stakeholders <text>\s+who the stakeholders are/);
  });

  it('is asked with the other requirement questions of the advisor step', async () => {
    const asked: string[] = [];
    const answers = await resolveAnswers({
      defaults: { projectName: 'p' },
      askDeployment: true,
      ask: async (option, fallback) => {
        if (option.group === 'deployment') asked.push(option.id);
        return option.id === 'stakeholders' ? 'Retention team, finance' : fallback;
      },
    });
    expect(asked.slice(0, 3)).toEqual(['volume', 'stakeholders', 'churn']);
    expect(answers.stakeholders).toBe('Retention team, finance');
  });

  it('is not answered by default, and takes any printable line', async () => {
    expect((await resolveAnswers({ defaults: { projectName: 'p' } })).stakeholders).toBe('');
    const given = await resolveAnswers({ defaults: { projectName: 'p' }, flags: { stakeholders: 'Ops & <legal>' } });
    expect(given.stakeholders).toBe('Ops & <legal>');
  });

  it.each([
    ['two\nlines', /--stakeholders: the stakeholders answer must be a single line/],
    ['bell\u0007', /--stakeholders: the stakeholders answer contains a control character/],
    ['x'.repeat(501), /--stakeholders: the stakeholders answer is longer than 500 characters/],
    ['   ', /--stakeholders: the stakeholders answer is empty/],
  ])('refuses %j with one line saying why', async (value, message) => {
    await expect(resolveAnswers({ defaults: { projectName: 'p' }, flags: { stakeholders: value } })).rejects.toThrow(message);
  });
});

describe('markdownText', () => {
  it.each([
    ['Retention team', 'Retention team'],
    ['<script>alert(1)</script> & co', '&lt;script&gt;alert(1)&lt;/script&gt; &amp; co'],
    ['*bold* _it_ `code` [link](x) back\\slash', '\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) back\\\\slash'],
    ['# not a heading', '\\# not a heading'],
    ['- not a list', '\\- not a list'],
    ['+ not a list', '\\+ not a list'],
    ['1. not a list', '1\\. not a list'],
    ['> not a quote', '&gt; not a quote'],
    ['spaced\t  out', 'spaced out'],
  ])('%j renders as the literal text', (value, expected) => {
    expect(markdownText(value)).toBe(expected);
  });
});
