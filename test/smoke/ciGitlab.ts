/**
 * Runs a generated project's .gitlab-ci.yml with gitlab-ci-local's shell executor, in a fresh
 * clone of the project's remote at the pushed branch or tag: the pipeline's rules, stages, needs,
 * extends, before_script and variables are gitlab-ci-local's. Each job gets its own copy of the
 * clone (--shell-isolation), one job at a time. What the shell executor cannot know is mapped
 * here, explicitly:
 *   - the `docker:<version>-dind` service is this machine's engine (podman), so it is dropped from
 *     a copy of the file that gitlab-ci-local reads (--file); any other service fails;
 *   - `image:` is this machine: python:3.11 is a venv of python3.11 first on PATH (pip works, as
 *     in the image), docker:27-cli is the podman `docker` shim, and `apk add` is a shim that only
 *     checks the packages' commands exist here (it fails otherwise);
 *   - `cache:` under $CI_PROJECT_DIR/.cache is one folder for the pipeline; uv's and pre-commit's
 *     are the machine's (as a warm cache restores them);
 *   - a tag pipeline sets CI_COMMIT_TAG (gitlab-ci-local reads branches only);
 *   - the project's GitLab URL (`https://oauth2:<token>@<host>/<path>.git`) is the local remote.
 */
import { execa } from 'execa';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import type { JobResult, Machine, Push } from './ciHarness.js';
import { toolsBin } from './tools.js';

const APK_SHIM = `#!/bin/sh
# gitlab-ci-local shell executor: the job's image is this machine. \`apk add\` checks that each
# package's command is already here, and fails like a missing package otherwise.
[ "$1" = add ] || { echo "apk shim: only 'apk add' is mapped" >&2; exit 1; }
shift
for package in "$@"; do
  case "$package" in
    -*) ;;
    *) command -v "$package" >/dev/null || { echo "apk shim: $package is not installed on this machine" >&2; exit 1; } ;;
  esac
done
`;

/** The pipeline of a push; with jobs, only those (gitlab-ci-local's job arguments, their needs not run). */
export async function runGitlabPipeline(
  push: Push, machine: Machine, variables: Readonly<Record<string, string>>, log: (line: string) => void = () => {},
  jobs: readonly string[] = [],
): Promise<JobResult[]> {
  const name = push.ref.replace(/^refs\/(heads|tags)\//, '');
  const dir = path.join(machine.work, `gitlab-${name.replace(/[^\w.-]+/g, '_')}`);
  rmSync(dir, { recursive: true, force: true });
  await execa('git', ['clone', '--quiet', machine.remote, dir]);
  const tag = push.ref.startsWith('refs/tags/');
  await execa('git', tag ? ['checkout', '--quiet', push.sha] : ['checkout', '--quiet', '-B', name, push.sha], { cwd: dir });
  const bin = `${dir}.bin`;
  mkdirSync(bin, { recursive: true });
  writeFileSync(path.join(bin, 'apk'), APK_SHIM);
  chmodSync(path.join(bin, 'apk'), 0o755);
  const venv = `${dir}.python`;
  if (!existsSync(path.join(venv, 'bin', 'python'))) await execa(machine.python, ['-m', 'venv', venv]);
  const cache = `${dir}.cache-root`;
  mkdirSync(cache, { recursive: true });
  const vars: Record<string, string> = {
    ...variables,
    CI_PROJECT_DIR: cache,
    UV_CACHE_DIR: machine.env.UV_CACHE_DIR ?? '',
    PRE_COMMIT_HOME: machine.env.PRE_COMMIT_HOME ?? '',
    CI_SERVER_HOST: 'gitlab.example',
    CI_PROJECT_PATH: 'team/project',
    ...(tag ? { CI_COMMIT_TAG: name, CI_COMMIT_BRANCH: '' } : {}),
  };
  const token = variables.GIT_PUSH_TOKEN ?? '';
  const count = Number(machine.env.GIT_CONFIG_COUNT ?? '0');
  const env: Record<string, string> = {
    ...machine.env,
    PATH: [path.join(venv, 'bin'), bin, machine.env.PATH ?? ''].join(path.delimiter),
    GCL_IGNORE_PREDEFINED_VARS: 'CI_PROJECT_DIR,CI_SERVER_HOST,CI_PROJECT_PATH,CI_COMMIT_BRANCH',
    GIT_CONFIG_COUNT: String(count + 1),
    [`GIT_CONFIG_KEY_${count}`]: `url.${machine.remote}.insteadOf`,
    [`GIT_CONFIG_VALUE_${count}`]: `https://oauth2:${token}@gitlab.example/team/project.git`,
  };
  const definition = parse(readFileSync(path.join(dir, '.gitlab-ci.yml'), 'utf8')) as Record<string, { services?: unknown[] } | unknown>;
  for (const [key, job] of Object.entries(definition)) {
    const services = (job as { services?: unknown[] } | null)?.services;
    if (!services) continue;
    const images = services.map((s) => (typeof s === 'string' ? s : (s as { name: string }).name));
    if (!images.every((image) => /^docker:[\w.]+-dind$/.test(image))) throw new Error(`${key}: services ${images.join(', ')} are not mapped for the GitLab harness`);
    delete (job as { services?: unknown[] }).services;
  }
  const file = '.gitlab-ci-local-harness.yml';
  writeFileSync(path.join(dir, file), stringify(definition));
  const args = [...jobs, '--file', file, '--force-shell-executor', '--shell-isolation', '--concurrency', '1'];
  for (const [k, v] of Object.entries(vars)) args.push('--variable', `${k}=${v}`);
  log(`gitlab-ci-local on ${push.ref}`);
  const started = Date.now();
  const ran = await execa(path.join(toolsBin, 'gitlab-ci-local'), args, {
    cwd: dir, env, extendEnv: false, all: true, reject: false, stdin: 'ignore', timeout: 3_600_000,
  });
  const results: JobResult[] = [];
  for (const m of ran.all.matchAll(/^ (PASS|FAIL) {2}(?:\[[^\]]*\]\s*)?(\S+)/gm)) {
    const job = m[2]!;
    const seconds = [...ran.all.matchAll(new RegExp(`^${job.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s.*finished in ([\\d.]+) (ms|s|min)`, 'gm'))]
      .map((f) => Number(f[1]) * (f[2] === 'ms' ? 0.001 : f[2] === 'min' ? 60 : 1)).pop() ?? 0;
    results.push({ name: job, status: m[1] === 'FAIL' ? 'failure' : 'success', seconds, log: ran.all });
  }
  if (ran.exitCode !== 0 && !results.some((r) => r.status === 'failure')) {
    results.push({ name: 'gitlab-ci-local', status: 'failure', seconds: (Date.now() - started) / 1000, log: ran.all });
  }
  return results;
}
