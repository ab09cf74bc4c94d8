// Prints the number of valid option combinations and the pairwise sample CI runs.
// Usage: npm run matrix [-- --json]
import { countCombinations, pairwiseSample } from '../dist/index.js';

const sample = pairwiseSample({ pythonVersion: '3.11' });
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(sample, null, 2));
} else {
  console.log(`valid combinations: ${countCombinations().toLocaleString('en')}`);
  console.log(`pairwise sample (every pair of values at least once; Python 3.11, the one CI has): ${sample.length}`);
  for (const combo of sample) console.log(`  ${JSON.stringify(combo)}`);
}
