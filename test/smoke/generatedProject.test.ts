/**
 * Generated-project smoke tests: each variant is generated with the built bin into a fresh folder,
 * then checked with the real tools in its own .venv through `create-ml-prod verify` (what users
 * run), then its code is exercised: train, predict, evaluate, serve, build.py, make -n, README.
 */
import { execa } from 'execa';
import { existsSync, readFileSync, readdirSync, rmSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { binPath, cleanEnv } from '../helpers/cli.js';
import { structuralProblems } from '../helpers/parseOutputs.js';
import { smokeEnv, smokeRoot, toolsBin } from './tools.js';
import { describeFailure, keepProject } from './verifyCombination.js';
import { freePort, recordFromCsv } from './serviceHelpers.js';

interface Variant {
  readonly name: string;
  readonly args: readonly string[];
}

export const variants: readonly Variant[] = [
  { name: 'default', args: [] },
  { name: 'regression', args: ['--task', 'regression', '--license', 'Proprietary', '--description', 'Prices "quoted" \\ {{user}}\nsecond line'] },
];

const env = () => cleanEnv(smokeEnv());

describe.each(variants)('generated project: $name', ({ name, args }) => {
  const parent = path.join(smokeRoot, 'projects');
  const root = path.join(parent, name);
  const pkg = name.replace(/-/g, '_');
  const py = path.join(root, '.venv', 'bin', 'python');
  // Under CI the disk is the limit: a variant's project goes once its tests are done.
  afterAll(() => {
    if (!keepProject(true, Boolean(process.env.CI))) rmSync(root, { recursive: true, force: true });
  });
  const run = (file: string, argv: readonly string[], extra: Record<string, string> = {}) =>
    execa(file, argv, { cwd: root, env: { ...env(), ...extra }, extendEnv: false, reject: false, all: true, stdin: 'ignore' });

  it('generates, and every structured file parses', async () => {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(parent, { recursive: true });
    const result = await execa(process.execPath, [binPath, name, '--yes', '--no-git', ...args], {
      cwd: parent, env: env(), extendEnv: false, reject: false, stdin: 'ignore',
    });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(structuralProblems(root, ['{{user}}'])).toEqual([]);
  });

  it('passes verify: install, ruff, mypy, tests with coverage, wheel, and every validator', async () => {
    const result = await execa(process.execPath, [binPath, 'verify', root, '--no-color'], {
      cwd: parent, env: env(), extendEnv: false, reject: false, stdin: 'ignore', all: true,
    });
    expect(result.exitCode, describeFailure(result.exitCode, result.all ?? '', parent, args)).toBe(0);
    expect(result.stdout).not.toMatch(/\bskip\b/);
    expect(result.stdout).toMatch(/0 failed, 0 skipped/);
  });

  it('trains, predicts and evaluates on the shipped data, writing artifacts', async () => {
    for (const step of [
      ['process'],
      ['train'],
      ['predict', '--model', 'latest', '--input', 'data/processed/holdout.csv', '--output', 'artifacts/predictions.csv'],
      ['evaluate', '--model', 'latest', '--data', 'data/processed/holdout.csv', '--output', 'artifacts/evaluation'],
    ]) {
      const result = await run(py, ['-m', `${pkg}.run`, ...step]);
      expect(result.exitCode, `${step[0]}: ${result.all}`).toBe(0);
    }
    const latest = readFileSync(path.join(root, 'artifacts', 'models', 'latest'), 'utf8').trim();
    const modelDir = path.join(root, 'artifacts', 'models', latest);
    for (const file of ['model.joblib', 'metrics.json', 'schema.json', 'metadata.json']) {
      expect(existsSync(path.join(modelDir, file)), file).toBe(true);
    }
    expect(readFileSync(path.join(root, 'artifacts', 'predictions.csv'), 'utf8').split('\n').length).toBeGreaterThan(10);
    expect(readdirSync(path.join(root, 'artifacts', 'evaluation')).length).toBeGreaterThan(0);
    const bad = await run(py, ['-m', `${pkg}.run`, 'predict', '--model', 'latest', '--input', 'missing.csv', '--output', 'x.csv']);
    expect(bad.exitCode).not.toBe(0);
    expect(bad.all).not.toMatch(/Traceback/);
  });

  it('serves /health and /predict with uvicorn on 127.0.0.1, answers 422 to a malformed body, and passes schemathesis', async () => {
    const port = await freePort();
    // With a reload token, as deployed: schemathesis then exercises POST /reload authorised too
    // (without one, /reload is off and answers 403 to everything, which it reports as a warning).
    const reloadToken = 'smoke-reload-token';
    const server = execa(path.join(root, '.venv', 'bin', 'uvicorn'), [`${pkg}.service.app:app`, '--host', '127.0.0.1', '--port', String(port)], {
      cwd: root, env: { ...env(), [`${pkg.toUpperCase()}__SERVICE__RELOAD__TOKEN`]: reloadToken }, extendEnv: false, reject: false, stdin: 'ignore', all: true,
    });
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitFor(async () => (await fetch(`${base}/ready`)).ok, 30_000);
      expect((await fetch(`${base}/health`)).status).toBe(200);
      const record = sampleRecord(root, name);
      const ok = await fetch(`${base}/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(record) });
      const okBody = await ok.text();
      expect(ok.status, okBody).toBe(200);
      expect(okBody).toMatch(/prediction/);
      const malformed = await fetch(`${base}/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ nope: 1 }) });
      expect(malformed.status).toBe(422);
      const model = await fetch(`${base}/model`);
      expect(model.status).toBe(200);
      // Property-based: every operation of the OpenAPI schema, schema-valid and invalid bodies,
      // every check (no 5xx, documented status codes and response schemas, invalid data refused)
      // but "valid data accepted": a schema cannot say that a linear model's output must stay
      // finite, so huge schema-valid floats get the documented 422 "non-finite result", which is
      // right. Bounded: 60 examples per operation (about 10 s here), killed at 2 min.
      // (--max-time would not bound it: it makes fuzzing repeat until the time is spent.)
      const st = await execa(path.join(toolsBin, 'schemathesis'), [
        'run', `${base}/openapi.json`, '--checks', 'all', '--exclude-checks', 'positive_data_acceptance', '--max-examples', '60',
        '--workers', '1', '--request-timeout', '10', '--no-color', '--header', `Authorization: Bearer ${reloadToken}`,
      ], { cwd: parent, env: env(), extendEnv: false, reject: false, all: true, stdin: 'ignore', timeout: 120_000 });
      expect(st.exitCode, st.all).toBe(0);
      expect(st.all).toMatch(/No issues found/);
    } finally {
      server.kill('SIGTERM');
      await server;
    }
  });

  it('build.py refuses a bad version and accepts a pre-release up to docker', async () => {
    const bad = await run(py, ['build.py', '--deploy', '--version', '1.2']);
    expect(bad.exitCode).not.toBe(0);
    expect(bad.all).toMatch(/1\.2/);
    expect(bad.all).not.toMatch(/Traceback/);
    // Valid: it gets past the version check and stops where docker is needed (there is no engine here).
    const good = await run(py, ['build.py', '--deploy', '--version', '1.2.3-rc.1', '--skip-wheel']);
    expect(good.exitCode).toBe(1);
    expect(good.all).toMatch(/docker/i);
    expect(good.all).not.toMatch(/invalid version|Traceback/i);
  });

  it('make -n works for every Makefile target', async () => {
    const makefile = readFileSync(path.join(root, 'Makefile'), 'utf8');
    const targets = [...makefile.matchAll(/^([a-zA-Z][\w-]*):.*?##/gm)].map((m) => m[1]!);
    expect(targets).toEqual(expect.arrayContaining(['help', 'install', 'lint', 'format', 'typecheck', 'test', 'test-unit', 'test-integration', 'train', 'predict', 'serve', 'build', 'docker-build', 'clean']));
    for (const target of targets) {
      const result = await run('make', ['-n', target]);
      expect(result.exitCode, `make -n ${target}: ${result.all}`).toBe(0);
    }
  });

  it('lists in the README layout exactly what exists', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const block = readme.split('<!-- layout:start -->')[1]?.split('<!-- layout:end -->')[0] ?? '';
    const entries = layoutEntries(block);
    expect(entries.length).toBeGreaterThan(10);
    for (const entry of entries) expect(existsSync(path.join(root, entry)), entry).toBe(true);
  });
});

/** Paths of the layout tree: `├── `/`└── ` entries, four columns of indent per level. */
function layoutEntries(block: string): string[] {
  const lines = block.split('\n').filter((l) => /(├|└)── /.test(l));
  const stack: string[] = [];
  return lines.map((line) => {
    const marker = line.search(/(├|└)── /);
    const depth = marker / 4;
    const name = line.slice(marker + 4).split(/\s{2,}/)[0]!.trim().replace(/\/$/, '');
    stack.length = depth;
    stack.push(name);
    return stack.join('/');
  });
}

function sampleRecord(root: string, name: string): Record<string, unknown> {
  const task = name === 'regression' ? 'regression' : 'classification';
  const csv = readFileSync(path.join(root, 'notebooks', 'dummy_data', `${task}.csv`), 'utf8');
  const schema = JSON.parse(readFileSync(latestSchema(root), 'utf8')) as { features: { name: string }[] };
  return recordFromCsv(csv, schema.features.map((f) => f.name));
}

function latestSchema(root: string): string {
  const latest = readFileSync(path.join(root, 'artifacts', 'models', 'latest'), 'utf8').trim();
  return path.join(root, 'artifacts', 'models', latest, 'schema.json');
}


async function waitFor(probe: () => Promise<boolean>, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      if (await probe()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error('timed out waiting for the service');
    await new Promise((r) => setTimeout(r, 250));
  }
}
