/**
 * Runs a generated project's GitHub Actions workflows and Azure Pipelines the way their runners
 * would, on this machine: each job in a fresh clone of the project's remote, jobs in dependency
 * order, each `run:`/`script:` step in order with bash, with the workflow's, job's and step's
 * environment, expressions and step outputs; a failed step fails its job and skips its
 * dependants. No runner can work here (actions come from GitHub at run time), so the only
 * assumptions are the two small tables below: what a `uses:` action or an Azure task stands for
 * on this machine. Anything else a definition asks for (an unmapped action, an expression or a
 * condition this harness cannot evaluate) throws: the test fails instead of guessing.
 */
import { execa } from 'execa';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { rewritePorts, startService, type RunningService } from './ciServices.js';

/** The machine a job runs on: its PATH, environment, the repository variables and secrets. */
export interface Machine {
  /** Directory of the job workspaces (one fresh clone each). */
  readonly work: string;
  /** The project's remote (a bare repository): checkout clones it, `git push origin` lands there. */
  readonly remote: string;
  /** The runner's environment (PATH included) before any setup step. */
  readonly env: Readonly<Record<string, string>>;
  readonly vars: Readonly<Record<string, string>>;
  readonly secrets: Readonly<Record<string, string>>;
  /** python3.11 of this machine (setup-python and UsePythonVersion make a venv of it). */
  readonly python: string;
  /** uv of this machine (setup-uv puts it on PATH). */
  readonly uv: string;
}

/** A push: a branch (refs/heads/x) or a tag (refs/tags/x), at a commit. */
export interface Push {
  readonly ref: string;
  readonly sha: string;
}

export interface JobResult {
  readonly name: string;
  readonly status: 'success' | 'failure' | 'skipped';
  readonly seconds: number;
  readonly log: string;
}

type Env = Record<string, string>;
interface Workspace { dir: string; env: Env; path: string[] }

const refName = (ref: string) => ref.replace(/^refs\/(heads|tags)\//, '');

// ---- what an action or a task stands for here -----------------------------------------------

/** GitHub `uses:` -> its local equivalent. */
export const GITHUB_USES: Readonly<Record<string, string>> = {
  // The generated workflows pin actions by commit SHA (the version in a comment there); a new pin
  // or action fails the harness until it is added here.
  'actions/checkout@11d5960a326750d5838078e36cf38b85af677262': 'clone', // v4.4.0: the job's fresh clone of the remote at the pushed commit
  'actions/setup-python@a26af69be951a213d495a4c3e4e4022e16d87065': 'python', // v5.6.0: a venv of this machine's python3.11, first on PATH
  'astral-sh/setup-uv@d0cc045d04ccac9d8b7881df0226f9e82c39688e': 'uv', // v6.8.0: uv on PATH
  'actions/cache@0057852bfaa89a56745cba8c7296529d2fc39830': 'nothing', // v4.3.0: a cache step does nothing (every run starts cold)
};

/** Azure `task:` (and `checkout: self`) -> its local equivalent. */
export const AZURE_TASKS: Readonly<Record<string, string>> = {
  'checkout:self': 'clone',
  'UsePythonVersion@0': 'python',
  'Cache@2': 'nothing',
};

async function clone(ws: Workspace, remote: string, push: Push): Promise<string> {
  rmSync(ws.dir, { recursive: true, force: true });
  await execa('git', ['clone', '--quiet', remote, ws.dir]);
  await execa('git', ['checkout', '--quiet', push.sha], { cwd: ws.dir });
  return `cloned ${remote} at ${push.sha}\n`;
}

async function setupPython(ws: Workspace, machine: Machine, version: string): Promise<string> {
  if (String(version) !== '3.11') throw new Error(`setup-python ${version}: only this machine's Python 3.11 exists here`);
  const venv = `${ws.dir}.python`;
  if (!existsSync(path.join(venv, 'bin', 'python'))) await execa(machine.python, ['-m', 'venv', venv]);
  ws.path.unshift(path.join(venv, 'bin'));
  return `python ${version}: ${venv}\n`;
}

function setupUv(ws: Workspace, machine: Machine): string {
  const bin = `${ws.dir}.bin`;
  mkdirSync(bin, { recursive: true });
  for (const tool of ['uv', 'uvx']) {
    const from = path.join(path.dirname(machine.uv), tool);
    if (existsSync(from) && !existsSync(path.join(bin, tool))) symlinkSync(from, path.join(bin, tool));
  }
  ws.path.unshift(bin);
  return `uv: ${machine.uv}\n`;
}

async function runMapped(kind: string | undefined, what: string, ws: Workspace, machine: Machine, push: Push, inputs: Env): Promise<string> {
  switch (kind) {
    case 'clone': return clone(ws, machine.remote, push);
    case 'python': return setupPython(ws, machine, inputs['python-version'] ?? inputs.versionSpec ?? '');
    case 'uv': return setupUv(ws, machine);
    case 'nothing': return `${what}: nothing to do here\n`;
    default: throw new Error(`no local mapping for ${what}: add it to the harness's table (ciHarness.ts)`);
  }
}

// ---- shared step runner ----------------------------------------------------------------------

async function runScript(ws: Workspace, script: string, env: Env, flags: readonly string[], timeoutMs: number) {
  const file = path.join(`${ws.dir}.tmp`, `step-${Date.now()}-${Math.random().toString(36).slice(2)}.sh`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, script);
  return execa('bash', ['--noprofile', '--norc', ...flags, file], {
    cwd: ws.dir, env: { ...env, PATH: [...ws.path].join(path.delimiter) }, extendEnv: false, all: true, reject: false,
    stdin: 'ignore', timeout: timeoutMs,
  });
}

function order<T extends { needs: string[] }>(jobs: Record<string, T>): string[] {
  const done: string[] = [];
  const visit = (id: string, seen: string[]) => {
    if (done.includes(id)) return;
    if (seen.includes(id)) throw new Error(`job dependency cycle: ${[...seen, id].join(' -> ')}`);
    const job = jobs[id];
    if (!job) throw new Error(`job ${seen.at(-1)} needs ${id}, which does not exist`);
    for (const need of job.needs) visit(need, [...seen, id]);
    done.push(id);
  };
  for (const id of Object.keys(jobs)) visit(id, []);
  return done;
}

async function withServices<T>(images: { image: string; env: Env }[], run: (services: RunningService[]) => Promise<T>): Promise<T> {
  const services: RunningService[] = [];
  try {
    for (const { image, env } of images) services.push(await startService(image, path.join(os.tmpdir(), `ci-service-${process.pid}-${services.length}-${Date.now()}`), env));
    return await run(services);
  } finally {
    for (const s of services) await s.stop();
  }
}

// ---- GitHub Actions --------------------------------------------------------------------------

interface GithubStep { name?: string; id?: string; uses?: string; with?: Env; run?: string; env?: Env; if?: string; shell?: string }
interface GithubJob {
  name?: string; needs?: string | string[]; if?: string; env?: Env; steps: GithubStep[];
  services?: Record<string, { image: string; env?: Env; ports?: string[] }>; 'timeout-minutes'?: number; 'runs-on': string;
  defaults?: unknown;
}
interface GithubWorkflow { name: string; on: Record<string, unknown> | string | string[]; env?: Env; jobs: Record<string, GithubJob>; defaults?: unknown }

interface Contexts { env: Env; vars: Env; secrets: Env; github: Env; runner: Env; steps: Record<string, { outputs: Env }> }

function lookup(expr: string, ctx: Contexts): string {
  const literal = /^'((?:[^']|'')*)'$/.exec(expr);
  if (literal) return literal[1]!.replace(/''/g, "'");
  const m = /^(env|vars|secrets|github|runner)\.([\w-]+)$/.exec(expr);
  if (m) {
    const value = ctx[m[1] as 'env'][m[2]!];
    if (value === undefined && (m[1] === 'github' || m[1] === 'runner')) throw new Error(`the harness does not know ${expr}`);
    return value ?? '';
  }
  const step = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr);
  if (step) return ctx.steps[step[1]!]?.outputs[step[2]!] ?? '';
  throw new Error(`the harness cannot evaluate the expression \${{ ${expr} }}`);
}

function evaluate(expr: string, ctx: Contexts): string {
  const e = expr.trim();
  const cmp = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(e);
  if (cmp) {
    const equal = lookup(cmp[1]!.trim(), ctx) === lookup(cmp[3]!.trim(), ctx);
    return String(cmp[2] === '==' ? equal : !equal);
  }
  return lookup(e, ctx);
}

const substitute = (text: string, ctx: Contexts) => text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, e: string) => evaluate(e, ctx));

/** GitHub's filters: `*` stops at `/`, `**` does not. Azure's (`anywhere`): `*` matches `/` too. */
function glob(pattern: string, name: string, anywhere = false): boolean {
  const star = anywhere ? '.*' : '[^/]*';
  return new RegExp(`^${pattern.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, star).replace(/\u0000/g, '.*')}$`).test(name);
}

/** Does the workflow's `on: push` start on this push? */
export function githubTriggers(workflow: GithubWorkflow, push: Push): boolean {
  if (typeof workflow.on === 'string' || Array.isArray(workflow.on)) return [workflow.on].flat().includes('push');
  const on = (workflow.on as Record<string, unknown>).push as { branches?: string[]; 'branches-ignore'?: string[]; tags?: string[] } | null | undefined;
  if (on === undefined) return false;
  if (on === null) return true;
  const name = refName(push.ref);
  if (push.ref.startsWith('refs/tags/')) return (on.tags ?? []).some((p) => glob(p, name));
  if (on.branches) return on.branches.some((p) => glob(p, name));
  if (on['branches-ignore']) return !on['branches-ignore'].some((p) => glob(p, name));
  return !on.tags;
}

/** Runs every job of one workflow file for a push, in `needs` order; returns each job's result. */
export async function runGithubWorkflow(file: string, push: Push, machine: Machine, log: (line: string) => void = () => {}): Promise<JobResult[]> {
  const workflow = parse(readFileSync(file, 'utf8')) as GithubWorkflow;
  if (!githubTriggers(workflow, push)) throw new Error(`${path.basename(file)} does not run on a push of ${push.ref}`);
  if (workflow.defaults) throw new Error(`${path.basename(file)}: workflow defaults are not mapped by the harness`);
  const jobs = Object.fromEntries(Object.entries(workflow.jobs).map(([id, job]) => [id, { ...job, needs: [job.needs ?? []].flat() }]));
  const results: Record<string, JobResult> = {};
  const github: Env = { ref: push.ref, ref_name: refName(push.ref), sha: push.sha, event_name: 'push' };
  const runJob = async (id: string): Promise<JobResult> => {
    const job = jobs[id]!;
    const name = `${workflow.name} / ${id}`;
    const started = Date.now();
    const skip = (why: string): JobResult => ({ name, status: 'skipped', seconds: 0, log: why });
    if (job.needs.some((n) => results[n]!.status !== 'success')) return skip(`needs ${job.needs.join(', ')}`);
    if (!/^ubuntu-/.test(job['runs-on'])) throw new Error(`${name} runs on ${job['runs-on']}: only ubuntu runners are mapped (this machine)`);
    if (job.defaults) throw new Error(`${name}: job defaults are not mapped by the harness`);
    const workspace = path.join(machine.work, `${path.basename(file, '.yml')}-${id}`);
    const ctx: Contexts = { env: {}, vars: { ...machine.vars }, secrets: { ...machine.secrets }, github, runner: { os: 'Linux' }, steps: {} };
    if (job.if !== undefined && evaluate(String(job.if), ctx) !== 'true') return skip(`if: ${job.if}`);
    rmSync(workspace, { recursive: true, force: true });
    rmSync(`${workspace}.tmp`, { recursive: true, force: true });
    mkdirSync(`${workspace}.tmp`, { recursive: true });
    mkdirSync(workspace, { recursive: true });
    const ws: Workspace = { dir: workspace, env: {}, path: (machine.env.PATH ?? '').split(path.delimiter) };
    const base: Env = {
      ...machine.env, CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_REF: push.ref, GITHUB_REF_NAME: refName(push.ref),
      GITHUB_SHA: push.sha, GITHUB_WORKSPACE: workspace, GITHUB_EVENT_NAME: 'push', RUNNER_TEMP: `${workspace}.tmp`, RUNNER_OS: 'Linux',
    };
    for (const [k, v] of Object.entries(workflow.env ?? {})) ctx.env[k] = substitute(String(v), ctx);
    let output = '';
    let ok = true;
    const serviceImages = Object.values(job.services ?? {}).map((s) => ({ image: s.image, env: s.env ?? {} }));
    await withServices(serviceImages, async (services) => {
      for (const [k, v] of Object.entries(job.env ?? {})) ctx.env[k] = rewritePorts(substitute(String(v), ctx), services);
      for (const [index, step] of job.steps.entries()) {
        const label = step.name ?? step.uses ?? step.run?.split('\n')[0] ?? `step ${index + 1}`;
        if (step.if !== undefined) throw new Error(`${name} / ${label}: step conditions are not mapped by the harness`);
        if (step.shell !== undefined) throw new Error(`${name} / ${label}: shell ${step.shell} is not mapped by the harness`);
        const stepEnv: Env = { ...ctx.env };
        for (const [k, v] of Object.entries(step.env ?? {})) stepEnv[k] = rewritePorts(substitute(String(v), { ...ctx, env: stepEnv }), services);
        output += `\n::group::${label}\n`;
        log(`${name}: ${label}`);
        if (step.uses) {
          const kind = GITHUB_USES[step.uses];
          // A step that maps to nothing needs none of its inputs (a cache key's hashFiles()).
          const inputs = kind === 'nothing' ? {} : Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, substitute(String(v), ctx)]));
          output += await runMapped(kind, `uses: ${step.uses}`, ws, machine, push, inputs);
          continue;
        }
        const outputs = path.join(`${workspace}.tmp`, `output-${index}`);
        const envFile = path.join(`${workspace}.tmp`, `env-${index}`);
        writeFileSync(outputs, '');
        writeFileSync(envFile, '');
        const script = substitute(step.run ?? '', { ...ctx, env: stepEnv });
        const left = (job['timeout-minutes'] ?? 360) * 60_000 - (Date.now() - started);
        const ran = await runScript(ws, script, { ...base, ...ws.env, ...stepEnv, GITHUB_OUTPUT: outputs, GITHUB_ENV: envFile }, ['-eo', 'pipefail'], left);
        output += ran.all;
        ctx.steps[step.id ?? `__${index}`] = { outputs: keyValues(readFileSync(outputs, 'utf8')) };
        Object.assign(ws.env, keyValues(readFileSync(envFile, 'utf8')));
        if (ran.exitCode !== 0) {
          output += `\n::error::${label}: exit ${ran.exitCode}${ran.timedOut ? ' (timed out)' : ''}\n`;
          ok = false;
          return;
        }
      }
    });
    return { name, status: ok ? 'success' : 'failure', seconds: (Date.now() - started) / 1000, log: output };
  };
  // Jobs start as soon as the jobs they need are done, side by side, as on GitHub's runners.
  const running = new Map<string, Promise<void>>();
  const start = (id: string): Promise<void> => {
    let run = running.get(id);
    if (!run) {
      run = Promise.all(jobs[id]!.needs.map(start)).then(async () => { results[id] = await runJob(id); });
      running.set(id, run);
    }
    return run;
  };
  const ids = order(jobs);
  await Promise.all(ids.map(start));
  return ids.map((id) => results[id]!);
}

function keyValues(text: string): Env {
  const out: Env = {};
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

// ---- Azure Pipelines -------------------------------------------------------------------------

type AzureVariables = Env | ({ group: string } | { name: string; value: string })[];
interface AzureStep { script?: string; task?: string; checkout?: string; inputs?: Env; env?: Env; displayName?: string; condition?: string }
interface AzureJob {
  job?: string; deployment?: string; dependsOn?: string | string[]; condition?: string; variables?: AzureVariables;
  services?: Record<string, string>; steps?: AzureStep[]; strategy?: { runOnce?: { deploy?: { steps: AzureStep[] } } };
  timeoutInMinutes?: string | number;
}
interface AzureStage { stage: string; dependsOn?: string | string[]; condition?: string; variables?: AzureVariables; jobs: AzureJob[] }
interface AzurePipeline {
  trigger?: { branches?: { include?: string[]; exclude?: string[] }; tags?: { include?: string[] } };
  variables?: AzureVariables; stages: AzureStage[];
  resources?: { containers?: { container: string; image: string; ports?: string[]; env?: Env }[] };
}

/** Azure's condition functions over its variables (the ones the generated pipelines use). */
export function azureCondition(expr: string, variables: Env): boolean {
  let rest = expr.replace(/\s+/g, ' ').trim();
  const value = (): unknown => {
    rest = rest.trimStart();
    const str = /^'((?:[^']|'')*)'/.exec(rest);
    if (str) { rest = rest.slice(str[0].length); return str[1]!.replace(/''/g, "'"); }
    const variable = /^variables\['([^']+)'\]/.exec(rest) ?? /^variables\.([\w.]+)/.exec(rest);
    if (variable) { rest = rest.slice(variable[0].length); return variables[variable[1]!] ?? ''; }
    const call = /^(\w+)\(/.exec(rest);
    if (!call) throw new Error(`the harness cannot read the condition at: ${rest}`);
    rest = rest.slice(call[0].length);
    const args: unknown[] = [];
    for (;;) {
      rest = rest.trimStart();
      if (rest.startsWith(')')) { rest = rest.slice(1); break; }
      args.push(value());
      rest = rest.trimStart();
      if (rest.startsWith(',')) rest = rest.slice(1);
    }
    const s = (v: unknown) => String(v).toLowerCase();
    switch (call[1]!.toLowerCase()) {
      case 'eq': return s(args[0]) === s(args[1]);
      case 'ne': return s(args[0]) !== s(args[1]);
      case 'and': return args.every(Boolean);
      case 'or': return args.some(Boolean);
      case 'not': return !args[0];
      case 'in': return args.slice(1).some((a) => s(a) === s(args[0]));
      case 'startswith': return s(args[0]).startsWith(s(args[1]));
      case 'succeeded': return true;
      default: throw new Error(`the harness does not know the condition function ${call[1]}()`);
    }
  };
  const result = value();
  if (rest.trim()) throw new Error(`the harness could not read the end of the condition: ${rest}`);
  return Boolean(result);
}

function azureVariables(vars: AzureVariables | undefined, groups: Readonly<Record<string, Env>>): Env {
  if (!vars) return {};
  if (!Array.isArray(vars)) return Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, String(v)]));
  const out: Env = {};
  for (const v of vars) {
    if ('group' in v) {
      const group = groups[v.group];
      if (!group) throw new Error(`variable group ${v.group} is not defined for the harness`);
      Object.assign(out, group);
    } else out[v.name] = v.value;
  }
  return out;
}

/** $(Name) macros of the variables that exist (Azure leaves unknown ones for bash). */
const macros = (text: string, variables: Env) => text.replace(/\$\(([\w.]+)\)/g, (all, name: string) => variables[name] ?? all);

/**
 * Runs an Azure pipeline for a push: stages and jobs by condition and dependsOn, steps in order.
 * A job named in onDemand ("stage / job") that would run is reported skipped, not run.
 */
export async function runAzurePipeline(
  file: string, push: Push, machine: Machine, groups: Readonly<Record<string, Env>>, secretNames: readonly string[], log: (line: string) => void = () => {},
  onDemand: readonly string[] = [],
): Promise<JobResult[]> {
  const pipeline = parse(readFileSync(file, 'utf8')) as AzurePipeline;
  const name = refName(push.ref);
  const trigger = push.ref.startsWith('refs/tags/')
    ? (pipeline.trigger?.tags?.include ?? []).some((p) => glob(p, name, true))
    : (pipeline.trigger?.branches?.include ?? ['*']).some((p) => glob(p, name, true)) && !(pipeline.trigger?.branches?.exclude ?? []).some((p) => glob(p, name, true));
  if (!trigger) throw new Error(`${path.basename(file)} does not run on a push of ${push.ref}`);
  const predefined: Env = {
    'Build.SourceBranch': push.ref, 'Build.SourceBranchName': name, 'Build.SourceVersion': push.sha, 'Agent.OS': 'Linux',
    'Build.Reason': 'IndividualCI',
  };
  const results: JobResult[] = [];
  const containers = Object.fromEntries((pipeline.resources?.containers ?? []).map((c) => [c.container, c]));
  for (const stage of pipeline.stages) {
    const stageVars = { ...predefined, ...azureVariables(pipeline.variables, groups), ...azureVariables(stage.variables, groups) };
    if ([stage.dependsOn ?? []].flat().length) throw new Error(`stage ${stage.stage}: stage dependencies are not mapped by the harness`);
    if (stage.condition && !azureCondition(stage.condition, stageVars)) {
      results.push({ name: `${stage.stage}`, status: 'skipped', seconds: 0, log: `condition: ${stage.condition}` });
      continue;
    }
    const jobs = Object.fromEntries(stage.jobs.map((j) => [j.job ?? j.deployment!, { ...j, needs: [j.dependsOn ?? []].flat() }]));
    const done: Record<string, JobResult> = {};
    for (const id of order(jobs)) {
      const job = jobs[id]!;
      const label = `${stage.stage} / ${id}`;
      const started = Date.now();
      if (job.needs.some((n) => done[n]!.status !== 'success')) { done[id] = { name: label, status: 'skipped', seconds: 0, log: 'dependency failed' }; continue; }
      const workspace = path.join(machine.work, `azure-${stage.stage}-${id}`);
      rmSync(workspace, { recursive: true, force: true });
      rmSync(`${workspace}.tmp`, { recursive: true, force: true });
      mkdirSync(`${workspace}.tmp`, { recursive: true });
      const variables: Env = {
        ...stageVars, ...azureVariables(job.variables, groups),
        // One pipeline workspace for every job, as an agent keeps it (so the caches under it carry over).
        'Pipeline.Workspace': path.join(machine.work, 'azure-pipeline'), 'System.DefaultWorkingDirectory': workspace, 'Build.SourcesDirectory': workspace,
        // The agent's per-job scratch folder, emptied before each job.
        'Agent.TempDirectory': `${workspace}.tmp`,
      };
      if (job.condition && !azureCondition(job.condition, variables)) { done[id] = { name: label, status: 'skipped', seconds: 0, log: job.condition }; continue; }
      if (onDemand.includes(label)) { done[id] = { name: label, status: 'skipped', seconds: 0, log: 'on demand: not run here' }; continue; }
      // Variables reach scripts as environment variables (Name.Part -> NAME_PART), except secrets.
      const resolved = Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, macros(v, variables)]));
      const varEnv = Object.fromEntries(Object.entries(resolved).filter(([k]) => !secretNames.includes(k)).map(([k, v]) => [k.replace(/\./g, '_').toUpperCase(), v]));
      const ws: Workspace = { dir: workspace, env: {}, path: (machine.env.PATH ?? '').split(path.delimiter) };
      const deployment = job.deployment !== undefined;
      const steps = deployment ? job.strategy?.runOnce?.deploy?.steps ?? [] : [{ checkout: 'self' } as AzureStep, ...(job.steps ?? [])];
      if (!deployment) mkdirSync(workspace, { recursive: true });
      else mkdirSync(workspace, { recursive: true });
      const serviceImages = Object.values(job.services ?? {}).map((ref) => {
        const c = containers[ref];
        if (!c) throw new Error(`${label}: service ${ref} is not in resources.containers`);
        return { image: c.image, env: c.env ?? {} };
      });
      let output = '';
      let ok = true;
      const timeout = Number(job.timeoutInMinutes ?? 60) * 60_000;
      await withServices(serviceImages, async (services) => {
        for (const [index, step] of steps.entries()) {
          const stepLabel = step.displayName ?? step.task ?? (step.checkout ? `checkout: ${step.checkout}` : `step ${index + 1}`);
          if (step.condition !== undefined) throw new Error(`${label} / ${stepLabel}: step conditions are not mapped by the harness`);
          output += `\n##[section]${stepLabel}\n`;
          log(`${label}: ${stepLabel}`);
          if (step.checkout !== undefined || step.task !== undefined) {
            const key = step.checkout !== undefined ? `checkout:${step.checkout}` : step.task!;
            const inputs = Object.fromEntries(Object.entries(step.inputs ?? {}).map(([k, v]) => [k, macros(String(v), resolved)]));
            output += await runMapped(AZURE_TASKS[key], key, ws, machine, push, inputs);
            continue;
          }
          const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, rewritePorts(macros(String(v), resolved), services)]));
          const portEnv = Object.fromEntries(Object.entries(varEnv).map(([k, v]) => [k, rewritePorts(v, services)]));
          const script = macros(step.script ?? '', Object.fromEntries(Object.entries(resolved).map(([k, v]) => [k, rewritePorts(v, services)])));
          const left = timeout - (Date.now() - started);
          // The script task runs bash without -e: the last command's status is the step's.
          const ran = await runScript(ws, script, { ...machine.env, CI: 'true', TF_BUILD: 'True', ...portEnv, ...ws.env, ...stepEnv }, [], left);
          output += ran.all;
          if (ran.exitCode !== 0) {
            output += `\n##[error]${stepLabel}: exit ${ran.exitCode}${ran.timedOut ? ' (timed out)' : ''}\n`;
            ok = false;
            return;
          }
        }
      });
      done[id] = { name: label, status: ok ? 'success' : 'failure', seconds: (Date.now() - started) / 1000, log: output };
    }
    results.push(...Object.values(done));
  }
  return results;
}
