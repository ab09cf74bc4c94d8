import { describe, expect, it } from 'vitest';
import { allCombinations, countCombinations } from '../../src/options/matrix.js';

describe('countCombinations', () => {
  it('equals walking every combination, where walking is affordable', () => {
    // Pin the options no constraint mentions, so the walk covers the constrained ones in full.
    const fixed = { license: 'MIT', pythonVersion: '3.11', depsManager: 'uv', lintStack: 'ruff', typeCheck: true, task: 'classification', tracker: 'none', notebooks: true, precommit: true, batchEngine: 'pandas', modelFamilies: ['boosting'] };
    let walked = 0;
    for (const combo of allCombinations(fixed)) walked += combo ? 1 : 0;
    expect(countCombinations(fixed)).toBe(walked);
    expect(walked).toBeGreaterThan(1000);
  });

  it('multiplies the options no constraint ties', () => {
    expect(countCombinations({ license: 'MIT' }) * 4).toBe(countCombinations());
  });
});
