/** `npm run smoke -- <flags>`: one combination, generated and verified (skipped without SMOKE_FLAGS). */
import { describe, expect, it } from 'vitest';
import { generateAndVerify } from './verifyCombination.js';

const flags = process.env.SMOKE_FLAGS ? (JSON.parse(process.env.SMOKE_FLAGS) as string[]) : undefined;

describe.runIf(flags)('one combination', () => {
  it(`verifies: ${(flags ?? []).join(' ')}`, async () => {
    const result = await generateAndVerify('one', 'smoke-project', flags!);
    console.log(result.stdout);
    expect(result.problem).toBe('');
  });
});
