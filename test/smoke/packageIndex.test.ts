/**
 * Seed 001, "all assembled artifacts are deployed": `python build.py --deploy --version X.Y.Z`
 * also publishes the wheel and the sdist to the team's package index (PACKAGE_INDEX_URL, with
 * PACKAGE_INDEX_USERNAME and PACKAGE_INDEX_TOKEN). Here the index is a real one on loopback,
 * pypiserver from PyPI with password-protected uploads; the images are skipped (--skip-docker:
 * the image smoke builds them). Then that exact version is installed from the index into a clean
 * environment, and its command runs: it processes the sample data and trains a model.
 */
import { execa, type ResultPromise } from 'execa';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { binPath, cleanEnv } from '../helpers/cli.js';
import { freePort } from './serviceHelpers.js';
import { smokeEnv, smokeRoot } from './tools.js';
import { keepProject } from './verifyCombination.js';

const PYPISERVER = 'pypiserver[passlib]==2.4.2';
const name = 'pkg-index';
const parent = path.join(smokeRoot, 'package-index');
const root = path.join(parent, name);
const packages = path.join(parent, 'packages');
// Loopback never goes through the machine's proxy.
const env = (extra: Record<string, string> = {}) => cleanEnv({ ...smokeEnv(), NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost', ...extra });
const sh = (file: string, args: readonly string[], cwd = root, extra: Record<string, string> = {}) =>
  execa(file, args, { cwd, env: env(extra), extendEnv: false, reject: false, all: true, stdin: 'ignore', timeout: 900_000 });

describe('build.py --deploy publishes the wheel and sdist to a package index (seed 001)', () => {
  let server: ResultPromise | undefined;
  let port = 0;
  let passed = 0;
  afterAll(() => {
    server?.kill('SIGTERM');
    if (!keepProject(passed === 3, true)) rmSync(parent, { recursive: true, force: true });
  });

  it('starts pypiserver on loopback, uploads protected by a password', async () => {
    rmSync(parent, { recursive: true, force: true });
    mkdirSync(packages, { recursive: true });
    const venv = path.join(parent, 'index-venv');
    expect((await sh('uv', ['venv', '--quiet', venv], parent)).exitCode).toBe(0);
    const installed = await sh('uv', ['pip', 'install', '--quiet', '--python', path.join(venv, 'bin', 'python'), PYPISERVER], parent);
    expect(installed.exitCode, installed.all).toBe(0);
    const htpasswd = path.join(parent, 'htpasswd');
    const users = await sh(path.join(venv, 'bin', 'python'), ['-c', `from passlib.apache import HtpasswdFile as H; f = H(${JSON.stringify(htpasswd)}, new=True); f.set_password("release", "s3cret"); f.save()`], parent);
    expect(users.exitCode, users.all).toBe(0);
    port = await freePort();
    server = execa(path.join(venv, 'bin', 'pypi-server'), ['run', '--host', '127.0.0.1', '--port', String(port), '--authenticate', 'update', '--passwords', htpasswd, packages], {
      env: env(), extendEnv: false, reject: false, all: true, stdin: 'ignore',
    });
    const up = await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/simple/`)).ok, 30_000);
    expect(up, 'pypiserver did not answer').toBe(true);
    passed++;
  });

  it('python build.py --deploy --version 0.1.0 --skip-docker publishes exactly the wheel and the sdist', async () => {
    const made = await execa(process.execPath, [binPath, name, '--yes', '--no-git'], { cwd: parent, env: cleanEnv(), extendEnv: false, reject: false, all: true, stdin: 'ignore' });
    expect(made.exitCode, made.all).toBe(0);
    // build.py needs only its two dev tools here (make install is proven elsewhere; the whole dev
    // set would cost minutes): pyproject-build and twine, in the project's .venv as it finds them.
    expect((await sh('uv', ['venv', '--quiet', '.venv'])).exitCode).toBe(0);
    const tools = await sh('uv', ['pip', 'install', '--quiet', '--python', '.venv/bin/python', 'build>=1.2', 'twine>=6.0']);
    expect(tools.exitCode, tools.all).toBe(0);
    const index = { PACKAGE_INDEX_URL: `http://127.0.0.1:${port}/`, PACKAGE_INDEX_USERNAME: 'release' };
    // A wrong token is refused by the index, and the build says which step failed.
    const refused = await sh('.venv/bin/python', ['build.py', '--deploy', '--skip-docker', '--version', '0.1.0'], root, { ...index, PACKAGE_INDEX_TOKEN: 'wrong' });
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(/error: publish the sdist and the wheel to the package index failed/);
    expect(readdirSync(packages)).toEqual([]);
    const deployed = await sh('.venv/bin/python', ['build.py', '--deploy', '--skip-docker', '--version', '0.1.0'], root, { ...index, PACKAGE_INDEX_TOKEN: 's3cret' });
    expect(deployed.exitCode, deployed.all).toBe(0);
    expect(deployed.all).not.toContain('s3cret');
    expect(readdirSync(packages).sort()).toEqual(['pkg_index-0.1.0-py3-none-any.whl', 'pkg_index-0.1.0.tar.gz']);
    passed++;
  });

  it('that exact version installs from the index into a clean environment and runs: process, then train', async () => {
    const clean = path.join(parent, 'clean');
    expect((await sh('uv', ['venv', '--quiet', clean], parent)).exitCode).toBe(0);
    // The package from the team's index, its dependencies from the default one. With the reports
    // extra: `train` writes the model card (without it, train stops with one line naming the extra).
    const installed = await sh('uv', ['pip', 'install', '--quiet', '--python', path.join(clean, 'bin', 'python'), '--index', `http://127.0.0.1:${port}/simple/`, `${name}[jobs]==0.1.0`], parent);
    expect(installed.exitCode, installed.all).toBe(0);
    const version = await sh(path.join(clean, 'bin', 'python'), ['-c', 'import importlib.metadata as m, pkg_index; print(m.version("pkg-index"), pkg_index.__file__)'], parent);
    expect(version.stdout).toMatch(new RegExp(`^0\\.1\\.0 ${clean.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/lib/python3\\.\\d+/site-packages/pkg_index/__init__\\.py$`));
    // The installed command, from the project folder for its configs and sample data.
    for (const step of ['process', 'train']) {
      const ran = await sh(path.join(clean, 'bin', name), [step]);
      expect(ran.exitCode, `${step}: ${ran.all}`).toBe(0);
    }
    expect(existsSync(path.join(root, 'artifacts', 'models', 'latest'))).toBe(true);
    passed++;
  });
});

async function waitFor(probe: () => Promise<boolean>, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if (await probe()) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}
