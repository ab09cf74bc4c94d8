/**
 * Images, built and run: a generated project's test and release images are built with its own
 * scripts (cicd/build/build.sh, cicd/release/release.sh) the way its CI runs them, on podman
 * behind a `docker` shim (scripts/container-engine.sh sets it up: engine, shim, a stand-in for
 * python:3.11-slim since no image registry is reachable here). Then the release image runs as
 * non-root with a read-only root filesystem: the pipeline job on mounted data. The serving image
 * (the Dockerfile's serve target: the same lock without the jobs extra) answers /ready and a
 * real /predict, has no matplotlib, and a report asked of it stops with the line that names the
 * extra and the image to use.
 *
 * The default project runs on every CI run. So do the Poetry and pip variants' lock tests (make
 * lock keeps a held-back package; a stale lock fails the CI install with the line naming make
 * lock); their images, and the other variants, with SMOKE_IMAGES_FULL=1
 * (`npm run smoke:images:full`). Without an engine (and no way to install one) the tests skip
 * with the reason, except under CI, where that is a failure.
 */
import { execa, execaSync } from 'execa';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { binPath, cleanEnv, repoRoot } from '../helpers/cli.js';
import { smokeEnv, smokePath, smokeRoot } from './tools.js';
import { keepProject } from './verifyCombination.js';
import { freePort } from './serviceHelpers.js';
import { fromNames } from './dockerfiles.js';

interface Variant {
  readonly name: string;
  readonly args: readonly string[];
  readonly manager: 'uv' | 'poetry' | 'pip';
  /** The serverless strategy's Lambda image is built and its handler invoked. */
  readonly serverless?: boolean;
  /** Only the lock tests run (every CI run); the images are built with SMOKE_IMAGES_FULL=1. */
  readonly locksOnly?: boolean;
}

const full = process.env.SMOKE_IMAGES_FULL === '1';
const variants: readonly Variant[] = [
  { name: 'img-default', args: [], manager: 'uv' },
  // Poetry and pip with the serverless strategy too: the Lambda image installs from their locks.
  { name: 'img-poetry', args: ['--deps-manager', 'poetry', '--strategies', 'batch,rest,serverless'], serverless: true, manager: 'poetry', locksOnly: !full },
  { name: 'img-pip', args: ['--deps-manager', 'pip', '--strategies', 'batch,rest,serverless'], serverless: true, manager: 'pip', locksOnly: !full },
  ...(full ? ([
    { name: 'img-serverless', args: ['--strategies', 'batch,rest,serverless'], serverless: true, manager: 'uv' },
    // The largest variant: every library of the jobs extra (MLflow, Spark with its JVM, Prefect) in the
    // release image, none of them in the serving image.
    { name: 'img-largest', args: ['--batch-engine', 'spark', '--tracker', 'mlflow', '--scheduler', 'prefect', '--lifecycle'], manager: 'uv' },
  ] satisfies Variant[]) : []),
];

const setupScript = path.join(repoRoot, 'scripts', 'container-engine.sh');
const shimDir = path.join(smokeRoot, 'container-bin');
const check = execaSync('bash', [setupScript, '--check'], { reject: false });
const engineReason = check.exitCode === 0 ? '' : 'no container engine: podman is missing and cannot be installed (no apt-get, or not root)';
/** Only the image tests see the shim: the other smoke tests keep the machine's own `docker`. */
const env = () => cleanEnv({ ...smokeEnv(), PATH: `${shimDir}${path.delimiter}${smokePath()}` });
const times: string[] = [];

if (engineReason) {
  describe('images', () => {
    // A laptop without Docker skips; CI here must build and run them.
    it.skipIf(!process.env.CI)(`need an engine (${engineReason})`, () => {
      throw new Error(`CI is set but ${engineReason}`);
    });
  });
} else {
  afterAll(() => {
    console.log(`== image stages:\n${times.join('\n')}`);
  });
  describe.each(variants)('images of $name', ({ name, args, serverless, manager, locksOnly = false }) => {
    const parent = path.join(smokeRoot, 'images');
    const root = path.join(parent, name);
    const pkg = name.replace(/-/g, '_');
    const image = `${name}:${'0.1.0-SNAPSHOT'}`;
    const serving = `${name}-serve:${'0.1.0-SNAPSHOT'}`;
    const runDir = path.join(root, 'image-run');
    let passed = 0;
    afterAll(async () => {
      await execa('podman', ['rm', '--force', `${name}-service`], { reject: false });
      if (!keepProject(passed === (locksOnly ? 3 : serverless ? 9 : 8), true)) {
        await execa('podman', ['rmi', '--force', image, serving, `${name}-test:0.1.0-SNAPSHOT`, `${name}-lambda:dev`], { reject: false });
        rmSync(root, { recursive: true, force: true });
      }
    });
    const timed = async <T>(stage: string, work: () => Promise<T>): Promise<T> => {
      const started = Date.now();
      try {
        return await work();
      } finally {
        times.push(`${name} ${stage}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
      }
    };
    const sh = (file: string, argv: readonly string[], timeout = 900_000) =>
      execa(file, argv, { cwd: root, env: env(), extendEnv: false, reject: false, all: true, stdin: 'ignore', timeout });

    it('generates, and the engine has the base images its Dockerfiles name', async () => {
      rmSync(root, { recursive: true, force: true });
      mkdirSync(parent, { recursive: true });
      const made = await execa(process.execPath, [binPath, name, '--yes', '--no-git', ...args], {
        cwd: parent, env: cleanEnv(), extendEnv: false, reject: false, stdin: 'ignore', all: true,
      });
      expect(made.exitCode, made.all).toBe(0);
      const bases = fromNames(root);
      expect(bases.length).toBeGreaterThan(0);
      if (locksOnly) return void passed++;
      const setup = await timed('engine set-up (base image once)', () =>
        execa('bash', [setupScript, ...bases], { env: { ...process.env, SHIM_DIR: shimDir }, reject: false, all: true, stdin: 'ignore' }));
      expect(setup.exitCode, setup.all).toBe(0);
      const which = await sh('bash', ['-c', 'command -v docker']);
      expect(which.stdout.trim()).toBe(path.join(shimDir, 'docker'));
      passed++;
    });

    it(`make lock writes the lock (${manager}); one package held back stays held back when it is made again`, async () => {
      // As a team would: a cap in pyproject.toml, make lock, the cap removed, make lock again.
      const pyproject = path.join(root, 'pyproject.toml');
      const original = readFileSync(pyproject, 'utf8');
      writeFileSync(pyproject, original.replace(`"pyyaml>=6.0"`, `"pyyaml>=6.0,<=${HELD_BACK}"`));
      const capped = await timed(`make lock (${manager})`, () => sh('make', ['lock']));
      expect(capped.exitCode, tail(capped.all)).toBe(0);
      writeFileSync(pyproject, original);
      const again = await timed(`make lock again (${manager})`, () => sh('make', ['lock']));
      expect(again.exitCode, tail(again.all)).toBe(0);
      expect((await lockedRuntime(root, manager)).pyyaml).toBe(HELD_BACK);
      passed++;
    });

    it('a dependency added without relocking fails the install under CI, with one line that names make lock', async () => {
      const pyproject = path.join(root, 'pyproject.toml');
      const original = readFileSync(pyproject, 'utf8');
      writeFileSync(pyproject, original.replace(`"pyyaml>=6.0",`, `"pyyaml>=6.0",\n    "tomli-w>=1.0",`));
      try {
        const install = await timed(`stale lock, CI install (${manager})`, () => execa('make', ['install'], {
          cwd: root, env: { ...env(), CI: 'true' }, extendEnv: false, reject: false, all: true, stdin: 'ignore', timeout: 900_000,
        }));
        expect(install.exitCode, tail(install.all)).not.toBe(0);
        expect(install.stderr).toMatch(/^error: .* is missing, stale or edited by hand .*: run make lock and commit it$/m);
      } finally {
        writeFileSync(pyproject, original);
      }
      passed++;
    });

    it.skipIf(locksOnly)('builds the test image and runs the unit tests in it (bash cicd/build/build.sh, as the CI job does)', async () => {
      const built = await timed('test image build + unit tests', () => sh('bash', ['cicd/build/build.sh']));
      expect(built.exitCode, tail(built.all)).toBe(0);
      expect(built.all).toMatch(/\d+ passed/);
      expect(built.all).not.toMatch(/\d+ failed/);
      passed++;
    });

    it.skipIf(locksOnly)('builds the release and serving images (bash cicd/release/release.sh --version <snapshot>, as the CI job does)', async () => {
      const version = await sh('bash', ['-c', 'source cicd/build/utils/common.sh && snapshot_version']);
      expect(version.stdout.trim()).toBe('0.1.0-SNAPSHOT');
      const built = await timed('release + serving image build', () => sh('bash', ['cicd/release/release.sh', '--version', version.stdout.trim()]));
      expect(built.exitCode, tail(built.all)).toBe(0);
      const size = async (ref: string) => Number((await execa('podman', ['image', 'inspect', '--format', '{{.Size}}', ref])).stdout.trim());
      const base = await size(fromNames(root)[0]!);
      for (const [what, ref] of [['release', image], ['serving', serving]] as const) {
        const bytes = await size(`localhost/${ref}`);
        times.push(`${name} ${what} image: ${mb(bytes)} MB, ${mb(bytes - base)} MB over the base (${mb(base)} MB)`);
      }
      passed++;
    });

    it.skipIf(locksOnly)('each image holds exactly the lock: the release image with the jobs extra, the serving image without', async () => {
      for (const [ref, extra] of [[image, 'jobs'], [serving, '']] as const) {
        const listed = await sh('podman', ['run', '--rm', '--network', 'none', '--entrypoint', 'python', ref, '-c', INSTALLED]);
        expect(listed.exitCode, listed.all).toBe(0);
        const installed = JSON.parse(listed.stdout) as Record<string, string>;
        // The project itself, and the installers a plain venv seeds, are not pins of the lock.
        for (const own of [name, 'pip', 'setuptools', 'wheel']) delete installed[own];
        const locked = await lockedRuntime(root, manager, extra);
        expect(installed, ref).toEqual(locked);
        expect(installed.pyyaml).toBe(HELD_BACK);
        // Serving needs none of the jobs extra (the reports' plots and Markdown, the tracker, the engine,
        // the scheduler); SciPy stays (scikit-learn requires it).
        for (const jobsOnly of ['matplotlib', 'markdown', 'mlflow-skinny', 'pyspark', 'dask', 'prefect']) {
          if (jobsOnly in (await lockedRuntime(root, manager, 'jobs'))) expect(jobsOnly in installed, `${ref}: ${jobsOnly}`).toBe(extra === 'jobs');
        }
        expect(installed.scipy, ref).toBeDefined();
        // release.sh wrote the SBOM (CycloneDX) of each environment: the same packages.
        const sbom = JSON.parse(readFileSync(path.join(root, 'dist', `${ref.replace(':', '-')}.cdx.json`), 'utf8')) as { components: { name: string; version: string }[] };
        const listedInSbom = Object.fromEntries(sbom.components.map((c) => [c.name.toLowerCase().replace(/[-_.]+/g, '-'), c.version]));
        expect(listedInSbom).toMatchObject(locked);
        times.push(`${name} ${ref}: ${Object.keys(installed).length} packages, all as locked${extra ? ` (extra ${extra})` : ''}`);
      }
      passed++;
    });

    it.skipIf(locksOnly)('runs the pipeline job in the release image as non-root, read-only, on mounted data', async () => {
      rmSync(runDir, { recursive: true, force: true });
      // With MLflow, its file store is a volume too (/app/mlruns, as the Dockerfile says).
      const mlflow = existsSync(path.join(root, 'src', pkg, 'tracking.py'));
      for (const dir of ['artifacts', 'data', ...(mlflow ? ['mlruns'] : [])]) {
        const full = path.join(runDir, dir);
        mkdirSync(full, { recursive: true });
        writableBy(full);
      }
      const ran = await timed('pipeline job in the release image', () => sh('podman', [
        'run', '--rm', '--read-only', '--tmpfs', '/tmp', '--user', '10001:10001', '--network', 'none',
        '-v', `${path.join(root, 'notebooks', 'dummy_data')}:/app/notebooks/dummy_data:ro`,
        '-v', `${path.join(runDir, 'artifacts')}:/app/artifacts`,
        '-v', `${path.join(runDir, 'data')}:/app/data`,
        ...(mlflow ? ['-v', `${path.join(runDir, 'mlruns')}:/app/mlruns`] : []),
        image, 'bash', 'jobs/pipelines/run.sh',
      ]));
      expect(ran.exitCode, tail(ran.all)).toBe(0);
      expect(ran.all).toMatch(/pipeline finished/);
      expect(existsSync(path.join(runDir, 'artifacts', 'models', 'latest'))).toBe(true);
      passed++;
    });

    it.skipIf(locksOnly)('the serving image stops a report with one line that names the extra and the image to use', async () => {
      // The evaluation report plots with matplotlib, which the serving image leaves out.
      const ran = await sh('podman', [
        'run', '--rm', '--read-only', '--tmpfs', '/tmp', '--user', '10001:10001', '--network', 'none',
        '-v', `${path.join(runDir, 'artifacts')}:/app/artifacts:ro`, '-v', `${path.join(runDir, 'data')}:/app/data:ro`,
        '--entrypoint', 'python', serving, '-m', `${pkg}.run`, 'evaluate', '--output', '/tmp/report',
      ]);
      expect(ran.exitCode, ran.all).toBe(1);
      expect(ran.stderr).toMatch(new RegExp(`^.*matplotlib is not installed: .*jobs extra .*the release image \\(${name}\\), not the serving image \\(${name}-serve\\)$`, 'm'));
      expect(ran.stderr).not.toMatch(/Traceback/);
      passed++;
    });

    it.skipIf(locksOnly)('serves /ready and a real /predict from the serving image, as non-root and read-only', async () => {
      const port = await freePort();
      const container = `${name}-service`;
      await execa('podman', ['rm', '--force', container], { reject: false });
      const started = Date.now();
      const run = await sh('podman', [
        'run', '--detach', '--name', container, '--read-only', '--tmpfs', '/tmp', '--user', '10001:10001',
        '--publish', `127.0.0.1:${port}:8000`, '-v', `${path.join(runDir, 'artifacts')}:/app/artifacts:ro`, serving,
      ]);
      expect(run.exitCode, run.all).toBe(0);
      try {
        const base = `http://127.0.0.1:${port}`;
        const ready = await waitFor(async () => (await fetch(`${base}/ready`)).status === 200, 60_000);
        const logs = async () => (await execa('podman', ['logs', container], { reject: false, all: true })).all;
        expect(ready, await logs()).toBe(true);
        times.push(`${name} service ready in the serving image: ${((Date.now() - started) / 1000).toFixed(0)} s`);
        const record = sampleRecord(root, runDir);
        const answer = await fetch(`${base}/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(record) });
        const body = await answer.text();
        expect(answer.status, `${body}\n${await logs()}`).toBe(200);
        expect(body).toMatch(/prediction/);
      } finally {
        await execa('podman', ['rm', '--force', container], { reject: false });
      }
      passed++;
    });

    it.runIf(serverless && !locksOnly)('builds the Lambda image with the trained model and invokes its handler with the sample event', async () => {
      // The Dockerfile's own instructions: build from the repository root after training.
      rmSync(path.join(root, 'artifacts', 'models'), { recursive: true, force: true });
      mkdirSync(path.join(root, 'artifacts'), { recursive: true });
      await execa('cp', ['-a', path.join(runDir, 'artifacts', 'models'), path.join(root, 'artifacts', 'models')]);
      const lambda = `${name}-lambda:dev`;
      const built = await timed('Lambda image build', () => sh('docker', ['build', '-f', 'deploy/serverless/Dockerfile', '-t', lambda, '.']));
      expect(built.exitCode, tail(built.all)).toBe(0);
      const invoked = await timed('Lambda handler invocation', () => sh('podman', [
        'run', '--rm', '--read-only', '--tmpfs', '/tmp', '--network', 'none', '--user', '10001:10001',
        '-v', `${path.join(root, 'deploy', 'serverless', 'events')}:/events:ro`,
        '--entrypoint', 'python', lambda, '-m', `${pkg}.serverless.handler`, '/events/predict.json',
      ]));
      expect(invoked.exitCode, invoked.all).toBe(0);
      expect(invoked.stdout).toMatch(/"statusCode": 200/);
      expect(invoked.stdout).toMatch(/predictions/);
      // The task root holds exactly the lock, as the release image does (the held-back one too).
      const listed = await sh('podman', ['run', '--rm', '--network', 'none', '--entrypoint', 'python', lambda, '-c', taskRootInstalled]);
      expect(listed.exitCode, listed.all).toBe(0);
      const installed = JSON.parse(listed.stdout) as Record<string, string>;
      for (const own of [name, 'pip', 'setuptools', 'wheel']) delete installed[own];
      expect(installed).toEqual(await lockedRuntime(root, manager));
      expect(installed.pyyaml).toBe(HELD_BACK);
      passed++;
    });
  });
}

/** An older PyYAML than the newest, held back in the lock: the image must carry exactly it. */
const HELD_BACK = '6.0.1';

/** Every distribution of the image's Python, {canonical name: version}. */
const INSTALLED = [
  'import importlib.metadata as m, json, re',
  'print(json.dumps({re.sub(r"[-_.]+", "-", d.metadata["Name"]).lower(): d.version for d in m.distributions()}))',
].join('\n');

/** The distributions in the Lambda image's task root only (not the base image's own Python). */
const taskRootInstalled = INSTALLED.replace('m.distributions()', 'm.distributions(path=["/var/task"])');

/** The run-time set the project's lock pins (test/smoke/lockedRuntime.py reads it). */
async function lockedRuntime(root: string, manager: string, extra = ''): Promise<Record<string, string>> {
  const script = path.join(repoRoot, 'test', 'smoke', 'lockedRuntime.py');
  const run = await execa(path.join(smokeRoot, 'tools', 'bin', 'python'), [script, manager, root, '3.11', ...(extra ? [extra] : [])], { env: env(), extendEnv: false, reject: false, all: true });
  if (run.exitCode !== 0) throw new Error(run.all);
  return JSON.parse(run.stdout) as Record<string, string>;
}

/** Mounted folders must be writable by the image's user (uid 10001). */
function writableBy(dir: string): void {
  if (process.getuid?.() === 0) chownSync(dir, 10001, 10001);
  else chmodSync(dir, 0o777);
}

/** The first complete row of the shipped sample data, with the features the trained model wants. */
function sampleRecord(root: string, runDir: string): Record<string, unknown> {
  const latest = readFileSync(path.join(runDir, 'artifacts', 'models', 'latest'), 'utf8').trim();
  const schema = JSON.parse(readFileSync(path.join(runDir, 'artifacts', 'models', latest, 'schema.json'), 'utf8')) as { features: { name: string }[] };
  const dataDir = path.join(root, 'notebooks', 'dummy_data');
  const csv = readdirSync(dataDir).find((f) => f.endsWith('.csv'))!;
  const [header, ...rows] = readFileSync(path.join(dataDir, csv), 'utf8').trim().split('\n');
  const columns = header!.split(',');
  const wanted = schema.features.map((f) => f.name);
  const row = rows.map((r) => r.split(',')).find((values) => wanted.every((w) => values[columns.indexOf(w)] !== ''))!;
  return Object.fromEntries(wanted.map((feature) => {
    const value = row[columns.indexOf(feature)]!;
    return [feature, Number.isNaN(Number(value)) ? value : Number(value)];
  }));
}

function tail(output: string | undefined, lines = 60): string {
  return (output ?? '').split('\n').slice(-lines).join('\n');
}

function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(0);
}


async function waitFor(probe: () => Promise<boolean>, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if (await probe()) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}
