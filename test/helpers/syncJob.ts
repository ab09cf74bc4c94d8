import { execa } from 'execa';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { binPath, cleanEnv, tempDir } from './cli.js';

export type Provider = 'github' | 'gitlab' | 'azure';

/** A call of gh, glab or az as the fake recorded it (the body file read when it was called). */
export interface RecordedCall {
  readonly tool: string;
  readonly argv: readonly string[];
  readonly body?: string;
}

/** The template-sync job's own shell steps, read from the generated CI file, with the job's env. */
export function syncJobSteps(project: string, provider: Provider): { env: Record<string, string>; commands: string[] } {
  // The CI files' shapes are the providers' schemas: read loosely, checked by what runs.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Loose = any;
  const load = (rel: string) => parse(readFileSync(path.join(project, rel), 'utf8')) as Record<string, Loose>;
  if (provider === 'github') {
    const job = load('.github/workflows/template-sync.yml').jobs['template-sync'];
    // `uses:` steps (checkout, setup-node) are what the clone and this machine's node stand for.
    const steps = (job.steps as Loose[]).filter((s) => typeof s.run === 'string');
    const env = Object.assign({}, ...steps.map((s) => s.env ?? {})) as Record<string, string>;
    return { env: mapValues(env, (v) => v.replace(/\$\{\{[^}]*\}\}/g, 'test-token')), commands: steps.map((s) => s.run) };
  }
  if (provider === 'gitlab') {
    const included = (load('.gitlab-ci.yml').include as { local: string }[]).map((i) => i.local);
    if (!included.includes('.gitlab/template-sync.yml')) throw new Error('.gitlab-ci.yml does not include the template-sync job');
    const job = load('.gitlab/template-sync.yml')['template-sync'];
    // before_script installs the tools (bash, git, glab): the fakes on PATH stand for them.
    return { env: job.variables, commands: job.script };
  }
  const pipeline = load('.azure-pipelines/template-sync.yml');
  const steps = (pipeline.steps as Loose[]).filter((s) => typeof s.script === 'string');
  const env = { ...pipeline.variables, ...Object.assign({}, ...steps.map((s) => s.env ?? {})) } as Record<string, string>;
  return { env, commands: steps.map((s) => s.script) };
}

function mapValues(obj: Record<string, string>, f: (v: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, f(String(v))]));
}

/** What each provider's runner sets, for a checkout of `branch` of `origin` (a bare repository). */
function runnerEnv(provider: Provider, branch: string): Record<string, string> {
  if (provider === 'github') return { GITHUB_ACTIONS: 'true', GITHUB_REF_NAME: branch, GITHUB_EVENT_NAME: 'schedule' };
  if (provider === 'gitlab') {
    return {
      GITLAB_CI: 'true', CI_PIPELINE_SOURCE: 'schedule', TEMPLATE_SYNC: '1', CI_COMMIT_BRANCH: branch,
      CI_SERVER_HOST: 'gitlab.example.com', CI_SERVER_URL: 'https://gitlab.example.com', CI_PROJECT_PATH: 'acme/churn',
      TEMPLATE_SYNC_TOKEN: 'test-token',
    };
  }
  return {
    TF_BUILD: 'True', BUILD_SOURCEBRANCHNAME: branch, SYSTEM_COLLECTIONURI: 'https://dev.azure.com/acme/',
    SYSTEM_TEAMPROJECT: 'ml', BUILD_REPOSITORY_NAME: 'churn',
  };
}

/** Azure's `$(Build.SourceBranchName)` macros, from the runner's environment. */
function azureMacros(value: string, env: Record<string, string>): string {
  return value.replace(/\$\(([A-Za-z.]+)\)/g, (_, name: string) => (name === 'System.AccessToken' ? 'test-token' : env[name.replace(/\./g, '_').toUpperCase()] ?? ''));
}

export interface SyncRun {
  readonly exitCode: number;
  readonly output: string;
  readonly calls: readonly RecordedCall[];
  readonly clone: string;
}

/**
 * Runs the template-sync job as its runner would: a fresh clone of `origin` (detached, as GitLab
 * and Azure check out), the job's env and its shell steps in order, `create-ml-prod` being the
 * given release, and fake gh/glab/az on PATH that record their argv instead of calling a server.
 */
export async function runSyncJob(input: {
  origin: string;
  branch: string;
  provider: Provider;
  /** The release the job's `create-ml-prod@latest` stands for (default: this build). */
  latest?: string;
  /** $XDG_CACHE_HOME holding the recorded versions' packages (see packageCache). */
  cacheHome: string;
}): Promise<SyncRun> {
  const work = tempDir('cmp-sync-');
  const clone = path.join(work, 'clone');
  await execa('git', ['clone', '--quiet', '--branch', input.branch, input.origin, clone], { env: cleanEnv(), extendEnv: false });
  if (input.provider !== 'github') await execa('git', ['checkout', '--quiet', '--detach'], { cwd: clone });
  const bin = path.join(work, 'bin');
  mkdirSync(bin);
  const calls = path.join(work, 'calls.jsonl');
  for (const tool of ['gh', 'glab', 'az']) {
    const fake = path.join(bin, tool);
    writeFileSync(
      fake,
      `#!/usr/bin/env node
const fs = require('node:fs');
const argv = process.argv.slice(2);
const i = argv.indexOf('--body-file');
const body = i >= 0 ? fs.readFileSync(argv[i + 1], 'utf8') : undefined;
fs.appendFileSync(${JSON.stringify(calls)}, JSON.stringify({ tool: ${JSON.stringify(tool)}, argv, body }) + '\\n');
`,
    );
    chmodSync(fake, 0o755);
  }
  // GitLab pushes to https://oauth2:<token>@<host>/<path>.git: git sends that URL to the bare origin.
  const gitConfig = path.join(work, 'gitconfig');
  writeFileSync(gitConfig, `[url "${input.origin}"]\n\tinsteadOf = https://oauth2:test-token@gitlab.example.com/acme/churn.git\n`);
  const runner = runnerEnv(input.provider, input.branch);
  const { env: jobEnv, commands } = syncJobSteps(clone, input.provider);
  const cli = input.latest ? path.join(input.latest, 'bin', 'create-ml-prod.js') : binPath;
  const env: Record<string, string> = {
    ...cleanEnv({ GIT_CONFIG_GLOBAL: gitConfig, XDG_CACHE_HOME: input.cacheHome }),
    ...runner,
    PATH: `${bin}${path.delimiter}${process.env.PATH}`,
    CREATE_ML_PROD: `${process.execPath} ${cli}`,
    CI: 'true',
  };
  // The job's variables, expanded as the runner expands them ($VAR for GitLab, $(Macro) for Azure).
  const prelude = Object.entries(jobEnv)
    .map(([k, v]) => `export ${k}="${(input.provider === 'azure' ? azureMacros(String(v), runner) : String(v)).replace(/"/g, '\\"')}"`)
    .join('\n');
  let output = '';
  let exitCode = 0;
  for (const command of commands) {
    const step = await execa('bash', ['-eo', 'pipefail', '-c', `${prelude}\n${command}`], { cwd: clone, env, extendEnv: false, reject: false, all: true, stdin: 'ignore', timeout: 120_000 });
    output += `${step.all ?? ''}\n`;
    exitCode = step.exitCode ?? 1;
    if (exitCode !== 0) break;
  }
  const recorded = existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as RecordedCall) : [];
  return { exitCode, output, calls: recorded, clone };
}
