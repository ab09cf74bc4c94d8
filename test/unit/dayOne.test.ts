/**
 * Issue 14, "day one": what a team runs on a fresh project, checked on the rendered plan.
 * (The newcomer path itself is executed by test/smoke/newcomer.test.ts.)
 */
import yaml from 'js-yaml';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pairwiseSample } from '../../src/options/pairwise.js';
import { resolveAnswers } from '../../src/options/resolveAnswers.js';
import { buildPlan } from '../../src/plan/buildPlan.js';
import { repoRoot } from '../helpers/cli.js';

const templatesRoot = path.join(repoRoot, 'templates');

/** The golden combinations (test/unit/golden.test.ts). */
const golden: Record<string, unknown>[] = [
  {},
  { depsManager: 'poetry', lintStack: 'classic', ci: 'gitlab', task: 'regression', license: 'Apache-2.0' },
  { depsManager: 'pip', typeCheck: false, ci: 'none', docker: false, service: false, jobs: false, notebooks: false, precommit: false, modelFamilies: ['boosting'], dataLoaders: ['csv'] },
  { depsManager: 'conda', ci: 'azure', dataLoaders: ['csv', 'sql'], tracker: 'mlflow', license: 'Proprietary' },
];

async function render(answers: Record<string, unknown>): Promise<Map<string, string>> {
  const resolved = await resolveAnswers({ file: { projectName: 'dayone-demo', ...answers }, context: { year: 2030 } });
  const plan = buildPlan({ answers: resolved, templatesRoot, generatorVersion: '0.0.0-test' });
  return new Map(plan.files.map((f) => [f.path, f.content.toString('utf8')]));
}

const isText = (file: string) => !/\.(csv|ipynb|png|jpg|parquet|joblib)$/.test(file);

describe('no rendered text file has trailing whitespace (the pre-commit trailing-whitespace hook)', () => {
  it.each([...golden, ...pairwiseSample()].map((c) => [JSON.stringify(c), c] as const))('%s', async (_name, combo) => {
    const files = await render(combo);
    const problems: string[] = [];
    for (const [file, text] of files) {
      if (!isText(file)) continue;
      text.split('\n').forEach((line, i) => {
        if (/[ \t]+\r?$/.test(line)) problems.push(`${file}:${i + 1}: ${JSON.stringify(line.slice(-40))}`);
      });
    }
    expect(problems).toEqual([]);
  });
});

/** Every `SKIP` of a CI's pre-commit run, as ids. */
function skipIds(ciText: string): string[][] {
  return [...ciText.matchAll(/^\s*SKIP:\s*(\S+)\s*$/gm)].map((m) => m[1]!.replace(/^["']|["']$/g, '').split(','));
}

function hookIds(precommit: string): string[] {
  const config = yaml.load(precommit) as { repos: { hooks: { id: string }[] }[] };
  return config.repos.flatMap((r) => r.hooks.map((h) => h.id));
}

const ciFile: Record<string, string> = { github: '.github/workflows/ci.yml', gitlab: '.gitlab-ci.yml', azure: 'azure-pipelines.yml' };

describe('the CI pre-commit job skips only hooks that exist, and every hook that needs the project environment', () => {
  const cases = ['github', 'gitlab', 'azure'].flatMap((ci) =>
    ['ruff', 'classic'].flatMap((lintStack) => [true, false].map((typeCheck) => ({ ci, lintStack, typeCheck }))),
  );
  it.each(cases.map((c) => [JSON.stringify(c), c] as const))('%s', async (_name, combo) => {
    const files = await render({ ...combo, precommit: true });
    const ids = hookIds(files.get('.pre-commit-config.yaml')!);
    const ci = files.get(ciFile[combo.ci]!)!;
    expect(ci).toMatch(/pre-commit run --all-files/);
    const skips = skipIds(ci);
    for (const list of skips) for (const id of list) expect(ids, `SKIP id ${id}`).toContain(id);
    // Local hooks run `make ...` with the project's environment, which the pre-commit job does not install.
    const config = yaml.load(files.get('.pre-commit-config.yaml')!) as { repos: { repo: string; hooks: { id: string; entry?: string }[] }[] };
    const needEnv = config.repos.filter((r) => r.repo === 'local').flatMap((r) => r.hooks).filter((h) => h.entry?.startsWith('make ')).map((h) => h.id);
    const skipped = new Set(skips.flat());
    for (const id of needEnv) expect(skipped, `hook ${id} (make) is not skipped`).toContain(id);
  });
});

describe('the newcomer path (issue 14): make train makes the data it needs', () => {
  it.each([{ jobs: true }, { jobs: false }])('%o', async (combo) => {
    const makefile = (await render(combo)).get('Makefile')!;
    expect(makefile).toMatch(/^TRAIN_DATA \?= data\/processed\/train\.csv$/m);
    expect(makefile).toMatch(/^\$\(TRAIN_DATA\):\n\t\$\(MAKE\) process$/m);
    expect(makefile).toMatch(/^train: \$\(TRAIN_DATA\) ##/m);
  });
});

/** Environment variables the rendered Python code (not its tests) reads. */
function envVarsRead(files: Map<string, string>): Set<string> {
  const names = new Set<string>();
  for (const [file, text] of files) {
    if (!file.endsWith('.py') || file.startsWith('tests/')) continue;
    for (const m of text.matchAll(/(?:os\.environ\.(?:get|setdefault)|os\.getenv|os\.environ\[)\(?\s*"([A-Z][A-Z0-9_]*)"/g)) names.add(m[1]!);
    // Names kept in constants: ENV_VAR_X = "NAME", DOCKER_REGISTRY_ENV = "NAME"
    for (const m of text.matchAll(/^(?:ENV_VAR_\w+|\w+_ENV) = "([A-Z][A-Z0-9_]*)"$/gm)) names.add(m[1]!);
  }
  return names;
}

describe('.env.example lists every environment variable the generated code reads; install.sh the system packages', () => {
  it.each([...golden, ...pairwiseSample()].map((c) => [JSON.stringify(c), c] as const))('%s', async (_name, combo) => {
    const files = await render(combo);
    const example = files.get('.env.example');
    expect(example).toBeDefined();
    const listed = new Set([...example!.matchAll(/^# ([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!));
    const read = envVarsRead(files);
    expect(read.size).toBeGreaterThanOrEqual(2);
    for (const name of read) expect(listed, name).toContain(name);
    // Every listed variable has its explanation: a comment line that is not itself an assignment.
    const blocks = example!.split(/\n\n/).filter((b) => /^# [A-Z][A-Z0-9_]*=/m.test(b));
    for (const block of blocks) expect(block.split('\n').some((l) => /^# /.test(l) && !/^# [A-Z][A-Z0-9_]*=/.test(l)), block).toBe(true);
    const install = files.get('install.sh')!;
    const answers = combo as { batchEngine?: string; strategies?: string[]; dataLoaders?: string[] };
    expect(install.includes('default-jre-headless')).toBe(answers.batchEngine === 'spark');
    expect(install.includes('redis-server:')).toBe(Boolean(answers.strategies?.includes('stream')));
    expect(install.includes('postgresql:')).toBe(Boolean(answers.dataLoaders?.includes('sql') || answers.strategies?.includes('database')));
  });
});

interface CiJob {
  services?: unknown;
  env?: Record<string, string>;
  variables?: Record<string, string>;
}

/** The job that runs the unit tests (where the stream and database tests are), with its services and variables. */
function unitTestJob(ci: string, files: Map<string, string>): { services: string[]; vars: Record<string, string> } {
  const doc = yaml.load(files.get(ciFile[ci]!)!) as Record<string, unknown>;
  if (ci === 'github') {
    const job = (doc.jobs as Record<string, CiJob>)['unit-tests']!;
    return { services: Object.keys((job.services as object | undefined) ?? {}), vars: job.env ?? {} };
  }
  if (ci === 'gitlab') {
    const job = doc['unit-tests'] as CiJob;
    const services = ((job.services as { alias: string }[] | undefined) ?? []).map((s) => s.alias);
    return { services, vars: job.variables ?? {} };
  }
  const stages = doc.stages as { jobs: ({ job: string } & CiJob)[] }[];
  const job = stages.flatMap((s) => s.jobs).find((j) => j.job === 'unit_tests')!;
  const services = Object.values((job.services as Record<string, string> | undefined) ?? {});
  const containers = ((doc.resources as { containers: { container: string }[] } | undefined)?.containers ?? []).map((c) => c.container);
  for (const s of services) expect(containers, `azure service ${s} has a resources.containers entry`).toContain(s);
  return { services, vars: job.variables ?? {} };
}

describe('the CI starts Redis and PostgreSQL for the unit tests and makes their tests fail instead of skip', () => {
  const cases = ['github', 'gitlab', 'azure'].flatMap((ci) => [
    { ci, strategies: ['batch', 'rest', 'stream'], dataLoaders: ['csv'], redis: true, postgres: false },
    { ci, strategies: ['batch', 'rest', 'database'], dataLoaders: ['csv', 'sql'], redis: false, postgres: true },
    { ci, strategies: ['batch', 'rest'], dataLoaders: ['csv', 'sql'], redis: false, postgres: true },
    { ci, strategies: ['batch', 'rest'], dataLoaders: ['csv'], redis: false, postgres: false },
  ]);
  it.each(cases.map((c) => [JSON.stringify(c), c] as const))('%s', async (_name, { redis, postgres, ...combo }) => {
    const files = await render(combo);
    const pkg = 'DAYONE_DEMO';
    const { services, vars } = unitTestJob(combo.ci, files);
    expect(services.includes('redis')).toBe(redis);
    expect(services.includes('postgres')).toBe(postgres);
    expect(vars[`${pkg}_REQUIRE_SERVICES`]).toBe(redis || postgres ? '1' : undefined);
    expect(Boolean(vars[`${pkg}_TEST_REDIS_URL`])).toBe(redis);
    expect(Boolean(vars[`${pkg}_TEST_DATABASE_URL`])).toBe(postgres);
    // The generated tests read those variables and fail when the server is required but missing.
    const tests = [...files].filter(([f]) => f.startsWith('tests/')).map(([, t]) => t).join('\n');
    if (redis) expect(tests).toMatch(new RegExp(`"${pkg}_TEST_REDIS_URL"[\\s\\S]*pytest\\.fail\\(f"Redis is required`));
    if (postgres) expect(tests).toMatch(new RegExp(`"${pkg}_TEST_DATABASE_URL"[\\s\\S]*pytest\\.fail\\(f"PostgreSQL is required`));
    for (const name of Object.keys(vars).filter((n) => n.startsWith(pkg))) expect(tests, name).toContain(`"${name}"`);
    // Read at import: tests/conftest.py's autouse fixture removes every <PKG>_* variable before each test.
    if (redis || postgres) expect(tests).toMatch(/^_ENVIRONMENT = \{name: os\.environ\.get\(name, ""\) for name in/m);
    // The test image has no servers: those tests skip there, so the image's run must not apply the
    // coverage gate (81.8% with them skipped failed the Azure test_image job); the unit-test job does.
    const image = files.get('cicd/build/docker/Dockerfile') ?? '';
    expect(image).toMatch(/^CMD \["python", "tests\/run_tests\.py", "--type", "unit", "--cov-fail-under=0"\]$/m);
  });
});

describe("the CI's smoke and acceptance checks call /ready and a real /predict, never only /health", () => {
  const cases = ['github', 'gitlab', 'azure'].flatMap((ci) => ['classification', 'regression'].map((task) => ({ ci, task })));
  it.each(cases.map((c) => [JSON.stringify(c), c] as const))('%s', async (_name, combo) => {
    const files = await render({ ...combo, docker: true, service: true });
    const ciText = [...files].filter(([f]) => f === ciFile[combo.ci] || f.startsWith('.github/workflows/')).map(([, t]) => t).join('\n');
    expect(ciText).not.toMatch(/\/health\b/);
    const ready = ciText.match(/(?:8000|%\/\}|\{url\})\/ready/g) ?? [];
    const predict = ciText.match(/--data @cicd\/sample_request\.json|<cicd\/sample_request\.json/g) ?? [];
    expect(ready.length).toBeGreaterThanOrEqual(3); // release image smoke test, staging, production
    expect(predict.length).toBe(ready.length);
    const sample = JSON.parse(files.get('cicd/sample_request.json')!) as Record<string, unknown>;
    const config = yaml.load(files.get('configs/base.yaml')!) as { features: { numeric: string[]; categorical: string[] } };
    expect(Object.keys(sample).sort()).toEqual([...config.features.numeric, ...config.features.categorical].sort());
    for (const name of config.features.numeric) expect(typeof sample[name], name).toBe('number');
  });
});

describe("GitLab's deploy scripts (bash reading a heredoc on stdin): no command in them reads that stdin", () => {
  // A command that reads stdin inside `bash <<'SCRIPT'` swallows the rest of the script: bash
  // then ends with that command's status, and the job passes with its push never run.
  const readsStdin = /\bdocker\s+(?:start\s+(?:-\w*a|--attach)|(?:run|exec)\s+(?:-\w*i|--interactive))\b|\bssh\b/;
  it.each(golden.filter((c) => c.ci === 'gitlab').concat([{ ci: 'gitlab' }]).map((c) => [JSON.stringify(c), c] as const))('%s', async (_name, combo) => {
    const files = await render(combo);
    const scripts = [...files.get('.gitlab-ci.yml')!.matchAll(/<<'(\w+)'\n([\s\S]*?)\n\s*\1\n/g)].map((m) => m[2]!);
    expect(scripts.length).toBeGreaterThanOrEqual(3); // integration, staging, production
    const offending = scripts.flatMap((s) => s.split('\n')).filter((line) => readsStdin.test(line) && !/<\s*\S/.test(line.replace(/<<'\w+'/, '')));
    expect(offending).toEqual([]);
  });
});
