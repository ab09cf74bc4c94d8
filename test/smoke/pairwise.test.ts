/**
 * The pairwise sample of the option matrix (every pair of option values at least once, on the
 * Python CI has): each project is generated and passes `verify`: install with its own manager,
 * lint, type-check, tests with coverage, wheel, and every validator. Two run at a time.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairwiseSample } from '../../src/options/pairwise.js';
import { pairCaches } from './pairCaches.js';
import { pairwiseSubset } from './pairwiseSubset.js';
import { smokeRoot } from './tools.js';
import { flagsFor, generateAndVerify } from './verifyCombination.js';

const sample = pairwiseSample({ pythonVersion: '3.11' });
// Every CI run verifies the pairs that take every option value, topped up to PER_RUN by the most
// new value pairs (the fast suite lints the whole sample); `npm run smoke:pairwise` runs them all.
const PER_RUN = 12;
const full = process.env.SMOKE_PAIRWISE_FULL === '1';
const picked = new Set(full ? sample.keys() : pairwiseSubset(sample, PER_RUN));
const pairs = sample.flatMap((combo, i) => (picked.has(i) ? [[`pair-${String(i + 1).padStart(2, '0')}`, flagsFor(combo)] as const] : []));

// Short names: the flags go in the failure message, whose first line a truncated CI log keeps.
describe.concurrent('pairwise sample', () => {
  let caches: ReturnType<typeof pairCaches>;
  beforeAll(() => {
    caches = pairCaches(path.join(smokeRoot, 'pairwise'));
    console.log(`== pairwise: ${pairs.length} of ${sample.length} pairs${full ? '' : ' (SMOKE_PAIRWISE_FULL=1 for all)'}; ${caches.description}`);
  });
  afterAll(() => caches.remove());
  it.for(pairs)('%s', async ([name, flags], { signal }) => {
    const lease = caches.lease();
    const result = await generateAndVerify('pairwise', name, flags, { removePassed: true, caches: lease.env, signal }).finally(lease.release);
    // Where the suite's time goes, per pair, in the CI log.
    console.log(`== ${name} (${flags[flags.indexOf('--deps-manager') + 1] ?? ''}): ${result.timing}`);
    expect(result.problem).toBe('');
  });
});
