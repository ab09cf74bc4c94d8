/**
 * The CI harness of the smoke tests (test/smoke/ciHarness.ts) on small definitions: what it
 * assumes is only its mapping tables, so an unmapped action, task or expression must fail, and
 * the runner semantics it copies (needs order, step outputs, env precedence, skipped dependants,
 * Azure conditions and macros) must hold.
 */
import { execa } from 'execa';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { azureCondition, githubTriggers, runAzurePipeline, runGithubWorkflow, type Machine } from '../smoke/ciHarness.js';

let root: string;
let machine: Machine;
let sha: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'ci-harness-'));
  const project = path.join(root, 'project');
  mkdirSync(project);
  writeFileSync(path.join(project, 'README.md'), 'hello\n');
  const git = (args: string[], cwd = project) => execa('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd });
  await git(['init', '-q', '-b', 'main']);
  await git(['add', '-A']);
  await git(['commit', '-q', '-m', 'first']);
  sha = (await git(['rev-parse', 'HEAD'])).stdout.trim();
  await execa('git', ['clone', '-q', '--bare', project, path.join(root, 'remote.git')]);
  machine = {
    work: path.join(root, 'work'), remote: path.join(root, 'remote.git'), env: { PATH: process.env.PATH ?? '', HOME: root },
    vars: { TARGET: 'registry.example/team' }, secrets: { TOKEN: 'test-token' }, python: 'python3', uv: '/nonexistent/uv',
  };
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const workflow = (name: string, text: string) => {
  const file = path.join(root, name);
  writeFileSync(file, text);
  return file;
};

describe('GitHub workflows', () => {
  it('runs jobs in needs order, with outputs, env precedence and the checkout clone; a failure skips its dependants', async () => {
    const file = workflow('ok.yml', `
name: W
on:
  push:
    branches-ignore: [main]
env:
  LEVEL: workflow
  TARGET: \${{ vars.TARGET }}
jobs:
  second:
    needs: first
    runs-on: ubuntu-24.04
    steps:
      - run: echo "second after first"
  first:
    runs-on: ubuntu-24.04
    env:
      LEVEL: job
    steps:
      - uses: actions/checkout@11d5960a326750d5838078e36cf38b85af677262 # v4.4.0
      - uses: actions/cache@0057852bfaa89a56745cba8c7296529d2fc39830 # v4.3.0
        with:
          path: ~/.cache/x
          key: x-\${{ hashFiles('README.md') }}
      - id: v
        run: |
          test -f README.md
          echo "version=1.2.3" >> "$GITHUB_OUTPUT"
      - env:
          SECRET: \${{ secrets.TOKEN }}
        run: echo "level=$LEVEL target=$TARGET version=\${{ steps.v.outputs.version }} secret=$SECRET ref=$GITHUB_REF_NAME"
  broken:
    runs-on: ubuntu-24.04
    steps:
      - run: |
          false
          echo "never printed"
  after-broken:
    needs: [broken]
    runs-on: ubuntu-24.04
    steps:
      - run: echo never
`);
    const results = await runGithubWorkflow(file, { ref: 'refs/heads/feature/x', sha }, machine);
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ['W / first', 'success'], ['W / second', 'success'], ['W / broken', 'failure'], ['W / after-broken', 'skipped'],
    ]);
    expect(results[0]!.log).toContain('level=job target=registry.example/team version=1.2.3 secret=test-token ref=feature/x');
    expect(results[2]!.log).not.toContain('never printed');
  });

  it('fails on an action it has no mapping for, and on an expression it cannot evaluate', async () => {
    const unmapped = workflow('unmapped.yml', 'name: U\non: [push]\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: docker/login-action@v3\n');
    await expect(runGithubWorkflow(unmapped, { ref: 'refs/heads/x', sha }, machine)).rejects.toThrow(/no local mapping for uses: docker\/login-action@v3/);
    const expression = workflow('expr.yml', "name: E\non:\n  push:\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ fromJSON('[]') }}\n");
    await expect(runGithubWorkflow(expression, { ref: 'refs/heads/x', sha }, machine)).rejects.toThrow(/cannot evaluate/);
  });

  it('starts a workflow only on the pushes its `on:` names', () => {
    const on = (push: unknown) => ({ name: 'x', on: { push }, jobs: {} });
    expect(githubTriggers(on({ branches: ['develop', 'main'] }), { ref: 'refs/heads/main', sha })).toBe(true);
    expect(githubTriggers(on({ branches: ['develop', 'main'] }), { ref: 'refs/heads/feature/a', sha })).toBe(false);
    expect(githubTriggers(on({ 'branches-ignore': ['develop', 'main'] }), { ref: 'refs/heads/feature/a', sha })).toBe(true);
    expect(githubTriggers(on({ tags: ['production-*'] }), { ref: 'refs/tags/production-1.0.0', sha })).toBe(true);
    expect(githubTriggers(on({ branches: ['main'] }), { ref: 'refs/tags/production-1.0.0', sha })).toBe(false);
  });
});

describe('Azure pipelines', () => {
  it('evaluates the conditions the generated pipelines use', () => {
    const vars = { 'Build.SourceBranch': 'refs/heads/develop' };
    expect(azureCondition("eq(variables['Build.SourceBranch'], 'refs/heads/develop')", vars)).toBe(true);
    expect(azureCondition(
      "and(not(startsWith(variables['Build.SourceBranch'], 'refs/tags/')), not(in(variables['Build.SourceBranch'], 'refs/heads/develop', 'refs/heads/main')))",
      vars,
    )).toBe(false);
    expect(() => azureCondition("contains(variables['Build.SourceBranch'], 'x')", vars)).toThrow(/does not know/);
  });

  it('runs stages by condition, jobs by dependsOn, macros and secrets only where mapped; an unmapped task fails', async () => {
    const file = workflow('azure.yml', `
trigger:
  branches:
    include: ["*"]
variables:
  NAME: demo
stages:
  - stage: ci
    condition: eq(variables['Build.SourceBranch'], 'refs/heads/main')
    variables:
      - group: release
    jobs:
      - job: b
        dependsOn: [a]
        steps:
          - script: echo "b after a"
      - job: a
        steps:
          - script: |
              test -f README.md
              echo "name=$(NAME) env=$NAME commit=$(Build.SourceVersion) secret=[$SECRET_VALUE] mapped=$MAPPED"
            env:
              MAPPED: $(SECRET_VALUE)
  - stage: other
    condition: eq(variables['Build.SourceBranch'], 'refs/heads/develop')
    jobs:
      - job: c
        steps:
          - script: echo never
`);
    const results = await runAzurePipeline(file, { ref: 'refs/heads/main', sha }, machine, { release: { SECRET_VALUE: 's3cret' } }, ['SECRET_VALUE']);
    expect(results.map((r) => [r.name, r.status])).toEqual([['ci / a', 'success'], ['ci / b', 'success'], ['other', 'skipped']]);
    expect(results[0]!.log).toContain(`name=demo env=demo commit=${sha} secret=[] mapped=s3cret`);
    const unmapped = workflow('azure2.yml', 'stages:\n  - stage: s\n    jobs:\n      - job: a\n        steps:\n          - task: Docker@2\n');
    await expect(runAzurePipeline(unmapped, { ref: 'refs/heads/main', sha }, machine, {}, [])).rejects.toThrow(/no local mapping for Docker@2/);
  });
});
