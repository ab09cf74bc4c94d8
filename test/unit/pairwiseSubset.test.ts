import { describe, expect, it } from 'vitest';
import { pairwiseSample } from '../../src/options/pairwise.js';
import { pairwiseSubset } from '../smoke/pairwiseSubset.js';

describe('pairwiseSubset', () => {
  const sample = pairwiseSample({ pythonVersion: '3.11' });
  const valuesOf = (combos: readonly Record<string, unknown>[]) =>
    new Set(combos.flatMap((c) => Object.entries(c).flatMap(([k, v]) => (Array.isArray(v) ? (v.length ? v.map((x) => `${k}=${String(x)}`) : [`${k}=none`]) : [`${k}=${String(v)}`]))));

  it('takes every option value of the sample at least once, in the size asked', () => {
    const picked = pairwiseSubset(sample, 12);
    console.log(`pairwise subset: ${picked.map((i) => i + 1).join(', ')} of ${sample.length}`);
    expect(picked).toHaveLength(12);
    expect(new Set(picked).size).toBe(12);
    expect(valuesOf(picked.map((i) => sample[i]!))).toEqual(valuesOf(sample));
  });

  it('grows past the size asked when every value needs more projects', () => {
    const minimal = pairwiseSubset(sample, 1);
    expect(minimal.length).toBeGreaterThan(1);
    expect(valuesOf(minimal.map((i) => sample[i]!))).toEqual(valuesOf(sample));
  });
});
