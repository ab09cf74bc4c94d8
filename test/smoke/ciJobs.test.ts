/**
 * Every CI job, executed: a generated project is pushed to a local remote and its CI definition
 * runs the way its runner would (test/smoke/ciHarness.ts), job by job, in fresh clones:
 *   - a feature branch: lint, format, type check, wheel, unit tests, pre-commit on every file at
 *     the pinned hook versions (test/smoke/hookMirrors.ts), the test image with the unit tests;
 *   - develop: integration tests, the release image built once, the smoke test of that image
 *     (the pipeline job, then /ready and a real /predict), pushed to a registry on loopback
 *     (Debian's docker-registry, scripts/registry.sh);
 *   - main (a merge commit of develop): the tested image promoted by digest to staging, git tags
 *     Staging and v<version> pushed; a commit whose source was never tested is refused;
 *   - the tag production-<version>: promoted to production; its digest is the tested one.
 * Registry secrets get test values; DEPLOY_HOOK is a recorder on PATH, asserted on afterwards.
 *
 * On every run: every job of the default (GitHub) project; a GitLab project (the default's
 * name and options: the same layers, environments and hook caches) and an Azure project (with
 * the Redis and PostgreSQL services) run their feature-branch pipelines and their staging and
 * production jobs, which promote what a stand-in integration push tagged. SMOKE_CI_FULL=1
 * (`npm run smoke:ci:full`) runs their develop pipelines instead of the stand-in: integration
 * tests, the release image built, smoke-tested and pushed. Containers run on podman behind the
 * `docker` shim (scripts/container-engine.sh).
 */
import { execa } from 'execa';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binPath, cleanEnv, repoRoot } from '../helpers/cli.js';
import { runAzurePipeline, runGithubWorkflow, type JobResult, type Machine, type Push } from './ciHarness.js';
import { runGitlabPipeline } from './ciGitlab.js';
import { fromNames } from './dockerfiles.js';
import { buildHookMirrors } from './hookMirrors.js';
import { freePort } from './serviceHelpers.js';
import { smokeEnv, smokeRoot, toolsBin } from './tools.js';
import { keepProject } from './verifyCombination.js';

const engine = execa('bash', [path.join(repoRoot, 'scripts', 'container-engine.sh'), '--check'], { reject: false });
const needed = ['skopeo', 'docker-registry', 'podman', 'go', 'rsync', 'redis-server'];
const times: string[] = [];
const version = '0.1.0';
/** GitLab's and Azure's develop pipelines run on demand (`npm run smoke:ci:full`); per run, a stand-in push. */
const full = process.env.SMOKE_CI_FULL === '1';
/** A test runs a whole pipeline: its jobs' own timeouts bound it, not the smoke suite's 15 minutes. */
const PIPELINE_TIMEOUT = 90 * 60_000;

interface Project {
  /** The rig's folder under .smoke/ci-jobs. */
  readonly dir: string;
  /** Also the podman image name: the same as images.test.ts's default project, whose layers it reuses. */
  readonly name: string;
  readonly args: readonly string[];
}

/** One generated project pushed to a bare remote, with a registry, a recorded deploy hook and a runner machine. */
class Rig {
  readonly root: string;
  readonly project: string;
  readonly remote: string;
  readonly registryDir: string;
  readonly deployLog: string;
  registry = '';
  machine!: Machine;
  constructor(readonly spec: Project) {
    this.root = path.join(smokeRoot, 'ci-jobs', spec.dir);
    this.project = path.join(this.root, spec.name);
    this.remote = path.join(this.root, 'remote.git');
    this.registryDir = path.join(this.root, 'registry');
    this.deployLog = path.join(this.root, 'deploy-calls.txt');
  }

  git(args: readonly string[], cwd = this.project) {
    return execa('git', args, { cwd, env: cleanEnv() });
  }

  async setUp(): Promise<void> {
    rmSync(this.root, { recursive: true, force: true });
    mkdirSync(this.root, { recursive: true });
    const made = await execa(process.execPath, [binPath, this.spec.name, '--yes', '--no-git', ...this.spec.args], {
      cwd: this.root, env: cleanEnv(), extendEnv: false, reject: false, stdin: 'ignore', all: true,
    });
    expect(made.exitCode, made.all).toBe(0);
    // The printed next steps: `make lock` (make install writes it too), then commit the lock, which
    // CI's frozen install requires.
    const lock = await execa('make', ['lock'], { cwd: this.project, env: { ...cleanEnv(), ...smokeEnv() }, extendEnv: false, reject: false, all: true });
    expect(lock.exitCode, lock.all).toBe(0);
    // The CLI skips git inside a work tree (.smoke is in this repository's): its first commit, by hand.
    await this.git(['init', '--quiet', '--initial-branch', 'main']);
    await this.git(['add', '--all']);
    await this.git(['commit', '--quiet', '--message', 'Initial commit from create-ml-prod']);
    await execa('git', ['clone', '--quiet', '--bare', this.project, this.remote]);
    await this.git(['remote', 'add', 'origin', this.remote]);
    // develop and main start from the first commit, as a team's new repository does.
    await this.git(['push', '--quiet', 'origin', 'HEAD:refs/heads/develop', 'HEAD:refs/heads/main']);
    // The engine has the base images the Dockerfiles name (stand-ins: no registry is reachable).
    const bases = await execa('bash', [path.join(repoRoot, 'scripts', 'container-engine.sh'), ...fromNames(this.project)], {
      env: { ...process.env, SHIM_DIR: path.join(smokeRoot, 'container-bin') }, reject: false, all: true, stdin: 'ignore',
    });
    expect(bases.exitCode, bases.all).toBe(0);
    // A runner starts without the smoke test's containers: a run cut short leaves them behind.
    await execa('podman', ['rm', '--force', '--ignore', 'smoke', 'smoke-pipeline'], { reject: false });
    const port = await freePort();
    const started = await execa('bash', [path.join(repoRoot, 'scripts', 'registry.sh'), 'start', this.registryDir, String(port)], { all: true, reject: false });
    expect(started.exitCode, started.all).toBe(0);
    this.registry = started.stdout.trim();
    // The deployment hook: a recorded call.
    const hook = path.join(this.root, 'bin', 'deploy-hook');
    mkdirSync(path.dirname(hook), { recursive: true });
    writeFileSync(hook, `#!/bin/sh\nprintf '%s\\n' "$*" >>'${this.deployLog}'\n`, { mode: 0o755 });
    rmSync(this.deployLog, { force: true });
    const mirrors = await timed(`${this.spec.name} pre-commit hook mirrors`, () =>
      buildHookMirrors(path.join(this.project, '.pre-commit-config.yaml'), path.join(smokeRoot, 'hook-mirrors')));
    const env = cleanEnv({
      PATH: [path.join(smokeRoot, 'container-bin'), process.env.PATH ?? ''].join(path.delimiter),
      ...mirrors,
      // The runner's caches start empty each run, except uv's packages (this machine's cache);
      // pre-commit's hook environments are shared by the projects of one run.
      PRE_COMMIT_HOME: path.join(smokeRoot, 'ci-jobs', 'pre-commit-cache'),
      UV_CACHE_DIR: process.env.UV_CACHE_DIR ?? path.join(smokeRoot, 'uv-cache'),
    });
    delete env.VIRTUAL_ENV;
    this.machine = {
      work: path.join(this.root, 'runner'),
      remote: this.remote,
      env,
      vars: { DOCKER_REGISTRY: `${this.registry}/team`, DEPLOY_HOOK: hook },
      secrets: { REGISTRY_USERNAME: 'ci-test-user', REGISTRY_PASSWORD: 'ci-test-password' },
      python: 'python3.11',
      uv: path.join(toolsBin, 'uv'),
    };
  }

  async sha(ref: string): Promise<string> {
    return (await this.git(['rev-parse', ref], this.remote)).stdout.trim();
  }

  /** A change on develop, then main merges develop (a merge commit with develop's tree). */
  async commitOnDevelop(): Promise<void> {
    await this.git(['checkout', '--quiet', '-B', 'develop', 'origin/develop']);
    writeFileSync(path.join(this.project, 'CHANGELOG.md'), `# Changelog\n\n## ${version}\n\n- First release.\n`);
    await this.git(['add', 'CHANGELOG.md']);
    await this.git(['commit', '--quiet', '-m', 'Changelog for the first release']);
    await this.git(['push', '--quiet', 'origin', 'develop']);
  }

  async mergeDevelopIntoMain(): Promise<void> {
    await this.git(['fetch', '--quiet', 'origin']);
    await this.git(['checkout', '--quiet', '-B', 'main', 'origin/main']);
    await this.git(['merge', '--quiet', '--no-ff', '-m', 'Release 0.1.0', 'origin/develop']);
    await this.git(['push', '--quiet', 'origin', 'main']);
  }

  /**
   * What develop's integration job pushes, from develop's source, without its build and smoke
   * test (those run in the GitHub project every run, and here with SMOKE_CI_FULL=1): a small
   * image pushed by the generated release.sh, which tags it src-<tree>. Returns its digest.
   */
  async pushStandIn(): Promise<string> {
    const develop = path.join(this.root, 'develop');
    rmSync(develop, { recursive: true, force: true });
    await execa('git', ['clone', '--quiet', '--branch', 'develop', this.remote, develop]);
    // The release image and the serving image (release.sh pushes both). The GitHub project's
    // images may hold those names: they get them back afterwards.
    const locals = [this.spec.name, `${this.spec.name}-serve`].map((name) => `localhost/${name}:${version}-SNAPSHOT`);
    const previous = await Promise.all(locals.map((local) => execa('podman', ['image', 'inspect', '--format', '{{.Id}}', local], { reject: false })));
    for (const local of locals) await execa('bash', ['-c', `tar cf - --files-from /dev/null | podman import - ${local}`]);
    try {
      const pushed = await execa('bash', ['cicd/release/release.sh', '--version', `${version}-SNAPSHOT`, '--environment', 'integration', '--no-build'], {
        cwd: develop, env: { ...this.machine.env, ...this.machine.vars, ...this.machine.secrets }, extendEnv: false, all: true, reject: false,
      });
      expect(pushed.exitCode, pushed.all).toBe(0);
    } finally {
      for (const [i, local] of locals.entries()) {
        await execa('podman', ['rmi', '--force', local], { reject: false });
        const before = previous[i]!;
        if (before.exitCode === 0) await execa('podman', ['tag', before.stdout.trim(), local], { reject: false });
      }
    }
    return this.digest(`${version}-SNAPSHOT`);
  }

  async digest(tag: string, name = this.spec.name): Promise<string> {
    const raw = await execa('skopeo', ['inspect', '--raw', `docker://${this.registry}/team/${name}:${tag}`], { encoding: 'buffer' });
    const hash = await execa('sha256sum', { input: raw.stdout });
    return `sha256:${hash.stdout.split(' ')[0]}`;
  }

  /**
   * DEPLOY_HOOK's calls for these environments: the tested release image, the environment, the
   * tested serving image (release.sh's NAME-serve, promoted alongside: each environment's tag on it).
   */
  async hookCalls(version: string, environments: readonly string[]): Promise<string[]> {
    const serve = `${this.spec.name}-serve`;
    const served = await this.digest(`${version}-SNAPSHOT`, serve);
    for (const environment of environments) expect(await this.digest(environment, serve)).toBe(served);
    const image = `${this.registry}/team/${this.spec.name}@${await this.digest(`${version}-SNAPSHOT`)}`;
    return environments.map((environment) => `${image} ${environment} ${this.registry}/team/${serve}@${served}`);
  }

  async tearDown(passed: boolean): Promise<void> {
    await execa('bash', [path.join(repoRoot, 'scripts', 'registry.sh'), 'stop', this.registryDir], { reject: false });
    // release.sh tagged the local image with the registry's name before pushing: untag those
    // (the images themselves stay for the image smoke test, which uses the same names).
    if (this.registry) {
      const tags = await execa('podman', ['images', '--format', '{{.Repository}}:{{.Tag}}'], { reject: false });
      const pushed = tags.stdout.split('\n').filter((t) => t.startsWith(`${this.registry}/`));
      if (pushed.length) await execa('podman', ['rmi', ...pushed], { reject: false });
    }
    await execa('podman', ['rm', '--force', '--ignore', 'smoke', 'smoke-pipeline'], { reject: false });
    if (!keepProject(passed, true)) rmSync(this.root, { recursive: true, force: true });
  }
}

async function timed<T>(stage: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await work();
  } finally {
    times.push(`${stage}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
}

/** Every job's status; the log of the first failure, whole enough to act on. */
function expectJobs(results: readonly JobResult[], expected: Record<string, JobResult['status']>): void {
  for (const r of results) times.push(`  ${r.name}: ${r.status}, ${r.seconds.toFixed(0)} s`);
  const failed = results.find((r) => r.status === 'failure');
  const statuses = Object.fromEntries(results.map((r) => [r.name, r.status]));
  expect(statuses, failed ? `${failed.name} failed:\n${failed.log.slice(-6000)}` : '').toEqual(expected);
}

describe('every CI job of a generated project, executed', async () => {
  const absent = (await Promise.all(needed.map(async (tool) => ((await execa('bash', ['-c', `command -v ${tool}`], { reject: false })).exitCode === 0 ? '' : tool)))).filter(Boolean);
  const reason = (await engine).exitCode !== 0 ? 'no container engine' : absent.length ? `missing ${absent.join(', ')} (.ci/run installs them with apt)` : '';
  if (reason) {
    it.skipIf(!process.env.CI)(`needs podman, skopeo, docker-registry and go (${reason})`, () => {
      throw new Error(`CI is set but ${reason}`);
    });
    return;
  }
  beforeAll(() => {
    rmSync(path.join(smokeRoot, 'ci-jobs', 'pre-commit-cache'), { recursive: true, force: true });
  });
  afterAll(() => {
    console.log(`== CI jobs:\n${times.join('\n')}`);
  });

  describe('GitHub: the default project', () => {
    const rig = new Rig({ dir: 'github', name: 'img-default', args: [] });
    let passed = 0;
    beforeAll(async () => {
      await timed('github setup (generate, remote, registry)', () => rig.setUp());
    });
    afterAll(async () => {
      await rig.tearDown(passed === 4);
    });

    it('a feature branch runs ci.yml: quality, unit tests, pre-commit on every file, the test image', async () => {
      await rig.git(['push', '--quiet', 'origin', 'HEAD:refs/heads/feature/first']);
      const push: Push = { ref: 'refs/heads/feature/first', sha: await rig.sha('feature/first') };
      const results = await timed('github ci.yml (feature branch)', () =>
        runGithubWorkflow(path.join(rig.project, '.github/workflows/ci.yml'), push, rig.machine, (l) => process.stdout.write(`  ${l}\n`)));
      expectJobs(results, {
        'CI / quality': 'success', 'CI / unit-tests': 'success', 'CI / infrastructure': 'success', 'CI / test-image': 'success',
      });
      const infrastructure = results.find((r) => r.name === 'CI / infrastructure')!.log;
      // Every hook of the config ran (none was skipped for want of files), at the pinned versions.
      for (const hook of ['trim trailing whitespace', 'ruff format', 'shellcheck', 'yamllint', 'Lint GitHub Actions workflow files', 'hadolint']) {
        expect(infrastructure).toMatch(new RegExp(`${hook}\\.+Passed`, 'i'));
      }
      expect(results.find((r) => r.name === 'CI / test-image')!.log).toMatch(/\d+ passed/);
      passed++;
    }, PIPELINE_TIMEOUT);

    it('develop runs release.yml: integration tests, the release image built once, smoke-tested, pushed', async () => {
      await rig.commitOnDevelop();
      const push: Push = { ref: 'refs/heads/develop', sha: await rig.sha('develop') };
      const results = await timed('github release.yml (develop)', () =>
        runGithubWorkflow(path.join(rig.project, '.github/workflows/release.yml'), push, rig.machine, (l) => process.stdout.write(`  ${l}\n`)));
      expectJobs(results, { 'Release / integration': 'success', 'Release / staging': 'skipped' });
      const log = results[0]!.log;
      expect(log).toMatch(/pipeline finished/);
      expect(log).toMatch(/"ready"|ready/);
      expect(log).toMatch(/"predictions":\s*\[/);
      const tested = await rig.digest(`${version}-SNAPSHOT`);
      expect(await rig.digest('integration')).toBe(tested);
      expect(readFileSync(rig.deployLog, 'utf8').trim().split('\n')).toEqual(await rig.hookCalls(version, ['integration']));
      passed++;
    }, PIPELINE_TIMEOUT);

    it('main runs release.yml: a source never tested is refused; the tested digest is promoted to staging', async () => {
      const release = path.join(rig.project, '.github/workflows/release.yml');
      // A commit on main that develop never had: no image was tested for its source.
      const before = await rig.sha('main');
      await rig.git(['checkout', '--quiet', '-B', 'main', 'origin/main']);
      writeFileSync(path.join(rig.project, 'HOTFIX.md'), 'untested\n');
      await rig.git(['add', 'HOTFIX.md']);
      await rig.git(['commit', '--quiet', '-m', 'An untested change']);
      await rig.git(['push', '--quiet', 'origin', 'main']);
      const refused = await timed('github release.yml (main, untested source)', async () =>
        runGithubWorkflow(release, { ref: 'refs/heads/main', sha: await rig.sha('main') }, rig.machine));
      expect(refused.map((r) => [r.name, r.status])).toEqual([['Release / integration', 'skipped'], ['Release / staging', 'failure']]);
      expect(refused[1]!.log).toMatch(/no image in .* for this source/);
      await rig.git(['push', '--quiet', '--force', 'origin', `${before}:refs/heads/main`]);

      // The release: main merges the develop that integration tested.
      await rig.mergeDevelopIntoMain();
      const push: Push = { ref: 'refs/heads/main', sha: await rig.sha('main') };
      const results = await timed('github release.yml (main)', () => runGithubWorkflow(release, push, rig.machine));
      expectJobs(results, { 'Release / integration': 'skipped', 'Release / staging': 'success' });
      const tested = await rig.digest(`${version}-SNAPSHOT`);
      expect(await rig.digest(version)).toBe(tested);
      expect(await rig.digest('staging')).toBe(tested);
      expect(await rig.sha('Staging')).toBe(push.sha);
      expect(await rig.sha(`v${version}`)).toBe(push.sha);
      expect(results[1]!.log).not.toMatch(/building release image/);
      passed++;
    }, PIPELINE_TIMEOUT);

    it('the tag production-<version> runs deploy.yml: production gets the tested digest, never rebuilt', async () => {
      const staging = await rig.sha('Staging');
      await rig.git(['push', '--quiet', 'origin', `${staging}:refs/tags/production-${version}`]);
      const push: Push = { ref: `refs/tags/production-${version}`, sha: staging };
      const results = await timed('github deploy.yml (tag production-0.1.0)', () =>
        runGithubWorkflow(path.join(rig.project, '.github/workflows/deploy.yml'), push, rig.machine));
      expectJobs(results, { 'Deploy to production / production': 'success' });
      const tested = await rig.digest(`${version}-SNAPSHOT`);
      expect(await rig.digest('production')).toBe(tested);
      expect(await rig.sha('Production')).toBe(staging);
      expect(readFileSync(rig.deployLog, 'utf8').trim().split('\n')).toEqual(await rig.hookCalls(version, ['integration', 'staging', 'production']));
      passed++;
    }, PIPELINE_TIMEOUT);
  });

  describe('Azure: a project with the Redis and PostgreSQL services', () => {
    const rig = new Rig({ dir: 'azure', name: 'ci-azure', args: ['--ci', 'azure', '--strategies', 'batch,rest,stream', '--data-loaders', 'csv,sql'] });
    const pipeline = () => path.join(rig.project, 'azure-pipelines.yml');
    // Per run: the unit tests with the Redis and PostgreSQL services (no other per-run job starts
    // them). Quality and pre-commit run the default's make targets and hooks (GitHub's and
    // GitLab's jobs, per run); the test image is a whole build (these dependencies are not the
    // default's): they run with SMOKE_CI_FULL=1.
    const onDemand = full ? [] : ['ci / quality', 'ci / infrastructure', 'ci / test_image'];
    const run = (push: Push) => runAzurePipeline(pipeline(), push, rig.machine, {
      'ci-azure-release': { ...rig.machine.vars, ...rig.machine.secrets },
    }, Object.keys(rig.machine.secrets), (l) => process.stdout.write(`  ${l}\n`), onDemand);
    let passed = 0;
    beforeAll(async () => {
      await timed('azure setup (generate, remote, registry)', () => rig.setUp());
    });
    afterAll(async () => {
      await rig.tearDown(passed === 3);
    });

    it(`a feature branch runs the ci stage: ${full ? 'quality, unit tests with Redis and PostgreSQL, pre-commit, the test image' : 'the unit tests with Redis and PostgreSQL'}`, async () => {
      await rig.git(['push', '--quiet', 'origin', 'HEAD:refs/heads/feature/first']);
      const results = await timed('azure ci stage (feature branch)', async () => run({ ref: 'refs/heads/feature/first', sha: await rig.sha('feature/first') }));
      const ran = full ? 'success' : 'skipped';
      expectJobs(results, {
        'ci / quality': ran, 'ci / unit_tests': 'success', 'ci / infrastructure': ran, 'ci / test_image': ran,
        integration: 'skipped', staging: 'skipped', production: 'skipped',
      });
      // The job sets <PKG>_REQUIRE_SERVICES=1: its Redis and PostgreSQL tests fail, not skip, without the servers.
      expect(readFileSync(pipeline(), 'utf8')).toMatch(/CI_AZURE_REQUIRE_SERVICES: "1"/);
      passed++;
    }, PIPELINE_TIMEOUT);

    it(`develop ${full ? 'runs the integration stage' : 'pushes (a stand-in)'}, main promotes its digest to staging`, async () => {
      await rig.commitOnDevelop();
      if (full) {
        const integration = await timed('azure integration stage (develop)', async () => run({ ref: 'refs/heads/develop', sha: await rig.sha('develop') }));
        expectJobs(integration, { ci: 'skipped', 'integration / integration': 'success', staging: 'skipped', production: 'skipped' });
        expect(integration[1]!.log).toMatch(/"predictions":\s*\[/);
        expect(await rig.digest('integration')).toBe(await rig.digest(`${version}-SNAPSHOT`));
      } else {
        await timed('azure stand-in integration push (develop)', () => rig.pushStandIn());
      }
      await rig.mergeDevelopIntoMain();
      const push: Push = { ref: 'refs/heads/main', sha: await rig.sha('main') };
      const staging = await timed('azure staging stage (main)', () => run(push));
      expectJobs(staging, { ci: 'skipped', integration: 'skipped', 'staging / staging': 'success', production: 'skipped' });
      const tested = await rig.digest(`${version}-SNAPSHOT`);
      expect(await rig.digest('staging')).toBe(tested);
      expect(await rig.sha('Staging')).toBe(push.sha);
      passed++;
    }, PIPELINE_TIMEOUT);

    it('the tag production-<version> runs the production stage: the tested digest, never rebuilt', async () => {
      const staging = await rig.sha('Staging');
      await rig.git(['push', '--quiet', 'origin', `${staging}:refs/tags/production-${version}`]);
      const results = await timed('azure production stage (tag)', () => run({ ref: `refs/tags/production-${version}`, sha: staging }));
      expectJobs(results, { ci: 'skipped', integration: 'skipped', staging: 'skipped', 'production / production': 'success' });
      const tested = await rig.digest(`${version}-SNAPSHOT`);
      expect(await rig.digest('production')).toBe(tested);
      expect(await rig.sha('Production')).toBe(staging);
      expect(readFileSync(rig.deployLog, 'utf8').trim().split('\n')).toEqual(await rig.hookCalls(version, ['integration', 'staging', 'production']));
      passed++;
    }, PIPELINE_TIMEOUT);
  });

  describe('GitLab: a project run by gitlab-ci-local', () => {
    // The default project's name and options: the test image's layers are the GitHub run's.
    const rig = new Rig({ dir: 'gitlab', name: 'img-default', args: ['--ci', 'gitlab'] });
    const run = (push: Push) => runGitlabPipeline(push, rig.machine, {
      ...rig.machine.vars, ...rig.machine.secrets, GIT_PUSH_TOKEN: 'ci-test-token',
    }, (l) => process.stdout.write(`  ${l}\n`));
    let passed = 0;
    beforeAll(async () => {
      await timed('gitlab setup (generate, remote, registry)', () => rig.setUp());
    });
    afterAll(async () => {
      await rig.tearDown(passed === 3);
    });

    // Per run: its unit-tests job is left to the full run (the same `make test-unit` on the same
    // project as GitHub's unit-tests job, and 200 s); gitlab-ci-local runs the other three.
    const featureJobs = full ? [] : ['quality', 'infrastructure', 'test-image'];
    it(`a feature branch: quality, ${full ? 'unit tests, ' : ''}pre-commit, the test image`, async () => {
      await rig.git(['push', '--quiet', 'origin', 'HEAD:refs/heads/feature/first']);
      const results = await timed('gitlab pipeline (feature branch)', async () => runGitlabPipeline({ ref: 'refs/heads/feature/first', sha: await rig.sha('feature/first') }, rig.machine, {
        ...rig.machine.vars, ...rig.machine.secrets, GIT_PUSH_TOKEN: 'ci-test-token',
      }, (l) => process.stdout.write(`  ${l}\n`), featureJobs));
      expectJobs(results, { quality: 'success', ...(full ? { 'unit-tests': 'success' } : {}), infrastructure: 'success', 'test-image': 'success' });
      passed++;
    }, PIPELINE_TIMEOUT);

    it(`develop: ${full ? 'integration tests and the image built once' : 'a stand-in push'}; main promotes its digest to staging`, async () => {
      await rig.commitOnDevelop();
      if (full) {
        const integration = await timed('gitlab pipeline (develop)', async () => run({ ref: 'refs/heads/develop', sha: await rig.sha('develop') }));
        expectJobs(integration, { 'integration-tests': 'success', integration: 'success' });
        // The job's whole script ran: the service's answer, then the push (a script cut short passes too).
        expect(integration[1]!.log).toMatch(/"predictions":\s*\[/);
        expect(await rig.digest('integration')).toBe(await rig.digest(`${version}-SNAPSHOT`));
      } else {
        await timed('gitlab stand-in integration push (develop)', () => rig.pushStandIn());
      }
      await rig.mergeDevelopIntoMain();
      const push: Push = { ref: 'refs/heads/main', sha: await rig.sha('main') };
      const staging = await timed('gitlab pipeline (main)', () => run(push));
      expectJobs(staging, { staging: 'success' });
      const tested = await rig.digest(`${version}-SNAPSHOT`);
      expect(await rig.digest('staging')).toBe(tested);
      expect(await rig.sha('Staging')).toBe(push.sha);
      passed++;
    }, PIPELINE_TIMEOUT);

    it('the tag production-<version>: the tested digest promoted to production', async () => {
      const staging = await rig.sha('Staging');
      await rig.git(['push', '--quiet', 'origin', `${staging}:refs/tags/production-${version}`]);
      const results = await timed('gitlab pipeline (tag)', () => run({ ref: `refs/tags/production-${version}`, sha: staging }));
      expectJobs(results, { production: 'success' });
      const tested = await rig.digest(`${version}-SNAPSHOT`);
      expect(await rig.digest('production')).toBe(tested);
      expect(await rig.sha('Production')).toBe(staging);
      expect(readFileSync(rig.deployLog, 'utf8').trim().split('\n')).toEqual(await rig.hookCalls(version, ['integration', 'staging', 'production']));
      passed++;
    }, PIPELINE_TIMEOUT);
  });
});
