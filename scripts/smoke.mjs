// Generates and verifies one combination the way users and CI do, for release checks and bug
// reports:  npm run smoke -- --deps-manager poetry --ci gitlab
// (or the whole pairwise sample: npm run smoke -- --pairwise). The validators are installed by
// the smoke tests' own setup (test/smoke/toolsSetup.ts).
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const pairwise = args.includes('--pairwise');
const file = pairwise ? 'test/smoke/pairwise.test.ts' : 'test/smoke/oneCombination.test.ts';
const result = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.smoke.config.ts', file], {
  stdio: 'inherit',
  env: { ...process.env, ...(pairwise ? {} : { SMOKE_FLAGS: JSON.stringify(args) }) },
});
process.exitCode = result.status ?? 1;
