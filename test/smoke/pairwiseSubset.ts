/**
 * The pairs of the pairwise sample that every CI run verifies: first enough to take every option
 * value at least once, then, greedily, those that add the most new value pairs, up to `size`. The
 * whole sample runs on demand (`npm run smoke:pairwise`); the fast suite lints all of it.
 */
type Combo = Readonly<Record<string, unknown>>;

/** Each answer as `key=value` facts; a multi-select gives one fact per chosen value (or `none`). */
function facts(combo: Combo): string[] {
  return Object.entries(combo).flatMap(([key, value]) =>
    Array.isArray(value) ? (value.length === 0 ? [`${key}=none`] : value.map((v) => `${key}=${String(v)}`)) : [`${key}=${String(value)}`],
  );
}

function factPairs(combo: Combo): string[] {
  const all = facts(combo);
  return all.flatMap((a, i) => all.slice(i + 1).filter((b) => a.split('=')[0] !== b.split('=')[0]).map((b) => `${a}|${b}`));
}

/** Indexes into `sample`, ascending. */
export function pairwiseSubset(sample: readonly Combo[], size: number): number[] {
  const chosen: number[] = [];
  const greedy = (units: (c: Combo) => string[], until: (covered: Set<string>) => boolean) => {
    const covered = new Set(chosen.flatMap((i) => units(sample[i]!)));
    while (!until(covered)) {
      let best = -1;
      let gain = 0;
      sample.forEach((combo, i) => {
        if (chosen.includes(i)) return;
        const g = units(combo).filter((u) => !covered.has(u)).length;
        if (g > gain) [best, gain] = [i, g];
      });
      if (best < 0) return;
      chosen.push(best);
      for (const u of units(sample[best]!)) covered.add(u);
    }
  };
  const everyValue = new Set(sample.flatMap(facts));
  greedy(facts, (covered) => covered.size === everyValue.size);
  greedy(factPairs, () => chosen.length >= size);
  return chosen.sort((a, b) => a - b);
}
