// Renders every project of the pairwise sample and the golden combinations with the built CLI, one
// folder each, so two builds' output can be compared with `diff -r` (a refactor must not change a byte).
// Usage: npm run build && node scripts/render-sample.mjs <out-dir>
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pairwiseSample } from '../dist/index.js';

const out = process.argv[2];
if (!out) {
  console.error('usage: node scripts/render-sample.mjs <out-dir>');
  process.exit(2);
}
// The golden combinations (test/unit/golden.test.ts), with the golden test's identity answers.
const golden = {
  default: {},
  'poetry-classic-gitlab-regression': { depsManager: 'poetry', lintStack: 'classic', ci: 'gitlab', task: 'regression', license: 'Apache-2.0' },
  'pip-minimal-none': { depsManager: 'pip', typeCheck: false, ci: 'none', docker: false, service: false, jobs: false, notebooks: false, precommit: false, modelFamilies: ['boosting'], dataLoaders: ['csv'] },
  'conda-azure-sql-mlflow': { depsManager: 'conda', ci: 'azure', dataLoaders: ['csv', 'sql'], tracker: 'mlflow', license: 'Proprietary' },
};
const identity = { author: 'Sample Team', email: 'sample@example.com', year: '2026' };
const projects = [
  ...Object.entries(golden).map(([name, combo]) => [`golden-${name}`, combo]),
  ...pairwiseSample().map((combo, i) => [`pair-${String(i + 1).padStart(2, '0')}`, combo]),
];

if (existsSync(out)) rmSync(out, { recursive: true, force: true });
mkdirSync(path.join(out, '.answers'), { recursive: true });
const cli = path.resolve('bin/create-ml-prod.js');
for (const [name, combo] of projects) {
  const answers = path.resolve(out, '.answers', `${name}.json`);
  writeFileSync(answers, JSON.stringify({ projectName: 'sample-demo', ...identity, ...combo }, null, 2));
  execFileSync(process.execPath, [cli, name, '--yes', '--no-git', '--answers', answers], {
    cwd: out,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, CI: 'true' },
  });
}
console.log(`rendered ${projects.length} projects into ${out}`);
