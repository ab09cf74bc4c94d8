import { UsageError } from '../errors.js';
import { SEMVER } from '../plan/answersRecord.js';
import { generatorVersion } from '../templatesRoot.js';

/** Semver precedence: negative when a < b. */
export function compareSemver(a: string, b: string): number {
  const pa = SEMVER.exec(a);
  const pb = SEMVER.exec(b);
  if (!pa || !pb) throw new Error(`not semver: ${!pa ? a : b}`);
  for (let i = 1; i <= 3; i++) {
    const d = Number(pa[i]) - Number(pb[i]);
    if (d !== 0) return d;
  }
  const [ra, rb] = [pa[4], pb[4]];
  if (ra === rb) return 0;
  if (ra === undefined) return 1;
  if (rb === undefined) return -1;
  const xa = ra.split('.');
  const xb = rb.split('.');
  for (let i = 0; i < Math.max(xa.length, xb.length); i++) {
    const [u, v] = [xa[i], xb[i]];
    if (u === undefined) return -1;
    if (v === undefined) return 1;
    if (u === v) continue;
    const [nu, nv] = [/^\d+$/.test(u), /^\d+$/.test(v)];
    if (nu && nv) return Number(u) - Number(v);
    if (nu !== nv) return nu ? -1 : 1;
    return u < v ? -1 : 1;
  }
  return 0;
}

/** A record from a newer generator is refused: this version cannot know what that one made. */
export function assertNotNewer(recorded: string, command: string, current = generatorVersion()): void {
  if (compareSemver(recorded, current) > 0) {
    throw new UsageError(
      `this project was made by create-ml-prod ${recorded}, newer than this one (${current}): run npx create-ml-prod@${recorded} ${command}`,
    );
  }
}
