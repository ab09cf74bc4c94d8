/**
 * The newcomer path, verbatim (issue 14): generate the default project with the built bin (git on),
 * then run, in order, every command the CLI printed under "Next steps" and every command of the
 * generated README's "Set-up" and "Quick start" blocks, ending with the service answering a real
 * POST /predict. Nothing is hard-coded but how a command is run:
 * - `cd <dir>` changes the folder of the following commands;
 * - the README's `git clone ... && cd ...` is the generation itself (skipped);
 * - `./install.sh` runs as printed when every package is installed (it then needs no root); when
 *   something is missing it runs with `--dry-run` (it would need root and apt here);
 * - `make serve` (or any serve command) runs in the background on a free PORT until /predict answered.
 * `make test` leaves the repository as it found it: `git status --porcelain --ignored` shows
 * nothing new but tool caches and coverage (`make install` may add uv.lock, which is to commit).
 */
import { execa } from 'execa';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { binPath, cleanEnv } from '../helpers/cli.js';
import { smokeEnv, smokeRoot } from './tools.js';
import { keepProject } from './verifyCombination.js';
import { freePort, recordFromCsv } from './serviceHelpers.js';

const parent = path.join(smokeRoot, 'newcomer');
const name = 'newcomer';
const env = () => cleanEnv(smokeEnv());

/** What `make test` may leave behind: caches and coverage, never data or artifacts. */
const IGNORED_OK = /^(\.venv|\.pytest_cache|\.mypy_cache|\.ruff_cache|htmlcov)(\/|$)|(^|\/)__pycache__(\/|$)|^\.coverage|^coverage\.xml$|\.egg-info(\/|$)/;

/** The commands of a "Next steps:" block: one per indented line, comments dropped. */
export function nextSteps(stdout: string): string[] {
  const after = stdout.split(/^Next steps:\s*$/m)[1];
  if (after === undefined) throw new Error(`no "Next steps:" in the CLI output:\n${stdout}`);
  const lines: string[] = [];
  for (const line of after.split('\n').slice(0)) {
    if (line.trim() === '') {
      if (lines.length > 0) break;
      continue;
    }
    if (!/^\s/.test(line)) break;
    lines.push(stripComment(line));
  }
  return lines.filter(Boolean);
}

/** The commands of the ```bash blocks of the README sections with these headings, in order. */
export function readmeCommands(readme: string, headings: readonly string[]): string[] {
  const commands: string[] = [];
  const sections = readme.split(/^## /m).slice(1);
  for (const heading of headings) {
    const section = sections.find((s) => s.split('\n')[0]!.trim() === heading);
    if (section === undefined) throw new Error(`README has no "## ${heading}" section`);
    for (const block of section.matchAll(/^```bash\n([\s\S]*?)^```/gm)) {
      commands.push(...block[1]!.split('\n').map(stripComment).filter(Boolean));
    }
  }
  return commands;
}

function stripComment(line: string): string {
  return line.replace(/\s+#.*$/, '').replace(/^#.*$/, '').trim();
}

afterAll(() => {
  if (!keepProject(true, Boolean(process.env.CI))) rmSync(parent, { recursive: true, force: true });
});

it('runs the printed next steps and the README quick start, ending with a served /predict', async () => {
  const started = Date.now();
  rmSync(parent, { recursive: true, force: true });
  mkdirSync(parent, { recursive: true });
  // .smoke lies inside this repository's work tree, where the CLI skips `git init`: the ceiling
  // makes the project's folder look like a fresh place, as it is for a newcomer.
  const created = await execa(process.execPath, [binPath, name, '--yes', '--no-color'], {
    cwd: parent, env: { ...env(), GIT_CEILING_DIRECTORIES: path.dirname(parent) }, extendEnv: false, reject: false, stdin: 'ignore',
  });
  expect(created.exitCode, created.stderr).toBe(0);
  expect(created.stdout).toMatch(/Initialised a git repository/);
  const printed = nextSteps(created.stdout);
  expect(printed.length).toBeGreaterThanOrEqual(3);
  let cwd = parent;
  const root = path.join(parent, name);
  const log: string[] = [];
  const sh = async (command: string, extra: Record<string, string> = {}) => {
    const t0 = Date.now();
    const result = await execa('bash', ['-c', command], {
      cwd, env: { ...env(), ...extra }, extendEnv: false, reject: false, all: true, stdin: 'ignore', timeout: 900_000,
    });
    log.push(`${command}: exit ${result.exitCode} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    expect(result.exitCode, `${command} (in ${cwd}):\n${result.all?.slice(-4000)}`).toBe(0);
    return result;
  };
  let served = false;
  let tested = false;
  const runOne = async (command: string) => {
    const cd = /^cd\s+(\S+)$/.exec(command);
    if (cd) {
      cwd = path.resolve(cwd, cd[1]!.replace(/^"|"$/g, ''));
      return;
    }
    if (/^git clone\b/.test(command)) return; // the generation is the checkout
    if (/^\.\/install\.sh\b/.test(command)) {
      const dry = await sh('./install.sh --dry-run');
      await sh(/Would run/.test(dry.all ?? '') ? './install.sh --dry-run' : command);
      return;
    }
    if (/\bserve\b/.test(command)) {
      await serveAndPredict(command);
      served = true;
      return;
    }
    const testing = /^make test$/.test(command) && !tested;
    const before = testing ? await gitStatus() : [];
    await sh(command);
    if (testing) {
      tested = true;
      // `make install` may have written uv.lock (to commit); `make test` itself writes nothing
      // but caches and coverage: every test writes under tmp_path.
      const after = await gitStatus();
      const written = after.filter((entry) => !before.includes(entry) && !IGNORED_OK.test(entry.slice(3)));
      expect(written, 'make test wrote into the repository (git status --porcelain --ignored)').toEqual([]);
    }
  };
  const gitStatus = async () => {
    const status = await execa('git', ['status', '--porcelain', '--ignored'], { cwd: root, reject: false });
    expect(status.exitCode, status.stderr).toBe(0);
    return status.stdout.split('\n').filter(Boolean);
  };
  const serveAndPredict = async (command: string) => {
    const port = await freePort();
    const server = execa('bash', ['-c', command], {
      cwd, env: { ...env(), PORT: String(port) }, extendEnv: false, reject: false, all: true, stdin: 'ignore', detached: true,
    });
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitFor(async () => (await fetch(`${base}/ready`)).ok, 60_000, () => server.exitCode !== null);
      const record = sampleRecord(root);
      const response = await fetch(`${base}/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(record) });
      const body = await response.text();
      expect(response.status, body).toBe(200);
      expect(JSON.parse(body)).toHaveProperty('predictions');
      log.push(`${command}: /ready then POST /predict 200`);
    } finally {
      if (server.pid !== undefined) {
        try {
          process.kill(-server.pid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
      const result = await server;
      expect(result.all ?? '').not.toMatch(/Traceback/);
    }
  };

  for (const command of printed) await runOne(command);
  expect(cwd).toBe(root);
  expect(tested, 'the next steps run make test').toBe(true);
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  for (const command of readmeCommands(readme, ['Set-up', 'Quick start'])) await runOne(command);
  expect(served, 'the newcomer path ends with a served /predict').toBe(true);
  console.log(`newcomer path: ${((Date.now() - started) / 1000).toFixed(0)} s\n  ${log.join('\n  ')}`);
});

/** The first complete row of the shipped sample data, with the model's features. */
function sampleRecord(root: string): Record<string, unknown> {
  const latest = readFileSync(path.join(root, 'artifacts', 'models', 'latest'), 'utf8').trim();
  const schema = JSON.parse(readFileSync(path.join(root, 'artifacts', 'models', latest, 'schema.json'), 'utf8')) as { features: { name: string }[] };
  const config = readFileSync(path.join(root, 'configs', 'base.yaml'), 'utf8');
  const raw = /^\s*raw_path:\s*(\S+)/m.exec(config)![1]!;
  const csv = readFileSync(path.join(root, raw), 'utf8');
  return recordFromCsv(csv, schema.features.map((f) => f.name));
}


async function waitFor(probe: () => Promise<boolean>, ms: number, gone: () => boolean): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    if (gone()) throw new Error('the server exited before it was ready');
    try {
      if (await probe()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`not ready after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 300));
  }
}
