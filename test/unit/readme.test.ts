import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flagName, type OptionDef } from '../../src/options/optionTypes.js';
import { optionSchema } from '../../src/options/schema.js';
import { repoRoot } from '../helpers/cli.js';

describe('README', () => {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

  it('documents every option', () => {
    const schema: readonly OptionDef[] = optionSchema;
    for (const option of schema) expect(readme, option.id).toContain(`${flagName(option.id)}\``);
  });

  it('keeps the two Quick start commands', () => {
    expect(readme).toMatch(/npm ci && npm run build && node bin\/create-ml-prod\.js my-project --yes/);
    expect(readme).toMatch(/^npm test\s/m);
  });
});
