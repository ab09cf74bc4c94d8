import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { readAnswersFile } from '../../src/options/readAnswersFile.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cmp-answers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const target = path.join(dir, name);
  writeFileSync(target, text);
  return target;
};

describe('answers files', () => {
  it('reads YAML and JSON mappings, and the answers of a generated project record', async () => {
    expect(await readAnswersFile(file('a.yaml', 'task: regression\nstrategies: [batch, rest]\ndescription: "quote \\" and {{x}}"\n'))).toEqual({
      task: 'regression',
      strategies: ['batch', 'rest'],
      description: 'quote " and {{x}}',
    });
    expect(await readAnswersFile(file('b.json', '{"task": "classification"}'))).toEqual({ task: 'classification' });
    expect(await readAnswersFile(file('c.json', '{"generator": "create-ml-prod", "answers": {"license": "MIT"}}'))).toEqual({ license: 'MIT' });
  });

  it('refuses with one line what is not a readable mapping', async () => {
    const refusal = async (target: string) => {
      const error = await readAnswersFile(target).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      const message = (error as Error).message;
      expect(message.split('\n')).toHaveLength(1);
      return message;
    };
    expect(await refusal(file('bad.yaml', 'task: [unclosed\n  license: MIT\n'))).toMatch(/not valid YAML/);
    expect(await refusal(file('dup.yaml', 'task: a\ntask: b\n'))).toMatch(/not valid YAML.*duplicated/);
    expect(await refusal(file('list.yml', '- task\n'))).toMatch(/expected a mapping/);
    expect(await refusal(file('bad.json', '{'))).toMatch(/not valid JSON/);
    expect(await refusal(path.join(dir, 'missing.yaml'))).toMatch(/cannot read the file \(ENOENT\)/);
  });
});
