/**
 * The pairwise sample of the option matrix (every pair of option values at least once, on the
 * Python CI has): each project is generated and passes `verify`: install with its own manager,
 * lint, type-check, tests with coverage, wheel, and every validator. Two run at a time.
 */
import { describe, expect, it } from 'vitest';
import { pairwiseSample } from '../../src/options/pairwise.js';
import { flagsFor, generateAndVerify } from './verifyCombination.js';

const sample = pairwiseSample({ pythonVersion: '3.11' });

// Short names: the flags go in the failure message, whose first line a truncated CI log keeps.
describe.concurrent('pairwise sample', () => {
  it.each(sample.map((combo, i) => [`pair-${String(i + 1).padStart(2, '0')}`, flagsFor(combo)] as const))('%s', async (name, flags) => {
    const result = await generateAndVerify('pairwise', name, flags, { removePassed: true, ownCaches: true });
    expect(result.problem).toBe('');
  });
});
