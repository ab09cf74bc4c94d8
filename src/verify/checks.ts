import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Answers } from '../options/schema.js';
import { environmentSteps } from '../steps/environmentSteps.js';
import { lintChecks } from './lintChecks.js';

/** One check of a generated project: a command run in its root. */
export interface Check {
  readonly id: string;
  readonly title: string;
  /** Executable and arguments; `.venv/...` executables resolve inside the project. */
  readonly command: (root: string) => readonly string[] | undefined;
  /** A validator that may be absent from the machine: skipped (and said so) when not on PATH. */
  readonly tool?: string;
  /** Whether the project has what the check is about (e.g. the chosen CI provider's file); if not, it is left out. */
  readonly applies?: (root: string) => boolean;
  /** A tool the project needs (its dependency manager): failed, with how to install it, when absent. */
  readonly required?: string;
}

const venv = (tool: string) => path.join('.venv', 'bin', tool);

function filesUnder(root: string, dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    const abs = path.join(root, rel);
    if (!existsSync(abs)) return;
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!['.venv', '.git', 'node_modules', '.mypy_cache', '.ruff_cache', '.pytest_cache'].includes(entry.name)) walk(child);
      } else if (pattern.test(entry.name)) out.push(child);
    }
  };
  walk(dir);
  return out.sort();
}

/** The project's own checks, with its own tools, then the offline validators of what cannot run here. */
export function projectChecks(python: string, answers: Pick<Answers, 'depsManager' | 'pythonVersion' | 'projectName' | 'lintStack' | 'typeCheck'>): Check[] {
  return [
    ...environmentSteps(answers, python).map(({ id, title, args, required, writes }) => ({
      id,
      title,
      ...(required ? { required } : {}),
      // An existing .venv is kept (re-running verify is quick): the step is left out, not skipped.
      ...(id === 'venv' ? { applies: (root: string) => !existsSync(path.join(root, '.venv')) } : {}),
      // The project's lock is used as it is; a lock step runs only when it is missing.
      ...(writes ? { applies: (root: string) => !existsSync(path.join(root, writes)) } : {}),
      command: () => args,
    })),
    ...lintChecks(answers).map(({ id, title, args }) => ({ id, title, command: () => args })),
    ...(answers.typeCheck ? [{ id: 'typecheck', title: 'mypy', command: () => [venv('mypy')] }] : []),
    { id: 'tests', title: 'unit + integration tests, coverage', command: () => [venv('python'), 'tests/run_tests.py', '--type', 'all'] },
    {
      id: 'wheel',
      title: 'build the wheel',
      // pyproject-build, not `python -m build`: from the project root the latter imports build.py.
      command: (root) => [venv('pyproject-build'), '--wheel', '--outdir', path.join(root, '.venv', 'verify-dist')],
    },
    {
      id: 'hadolint',
      title: 'hadolint (Dockerfiles)',
      tool: 'hadolint',
      // A project without Docker has no Dockerfile: the check is left out, not skipped.
      applies: (root) => dockerfiles(root).length > 0,
      command: (root) => nonEmpty(['hadolint', ...dockerfiles(root)]),
    },
    {
      id: 'shellcheck',
      title: 'shellcheck (*.sh)',
      tool: 'shellcheck',
      applies: (root) => filesUnder(root, '', /\.sh$/).length > 0,
      command: (root) => nonEmpty(['shellcheck', ...filesUnder(root, '', /\.sh$/)]),
    },
    {
      id: 'actionlint',
      title: 'actionlint (workflows)',
      tool: 'actionlint',
      applies: (root) => existsSync(path.join(root, '.github', 'workflows')),
      command: (root) => nonEmpty(['actionlint', ...filesUnder(root, '.github/workflows', /\.ya?ml$/)]),
    },
    ...ciSchemaChecks(),
    ...deploymentChecks(),
    { id: 'bandit', title: 'bandit (medium and high)', tool: 'bandit', command: () => ['bandit', '--quiet', '--recursive', '--severity-level', 'medium', 'src'] },
    { id: 'yamllint', title: 'yamllint', tool: 'yamllint', command: () => ['yamllint', '--strict', '.'] },
    { id: 'pyproject', title: 'validate-pyproject', tool: 'validate-pyproject', command: () => ['validate-pyproject', 'pyproject.toml'] },
  ];
}

/**
 * GitLab CI and Azure Pipelines cannot run here: their files are checked offline against the
 * providers' own JSON schemas (vendored by check-jsonschema), and GitLab's jobs, stages and needs
 * by gitlab-ci-local, which writes its state under .venv/ rather than into the project.
 */
const GITLAB_CI_LOCAL_IN_COPY = [
  'set -e',
  'copy=$(mktemp -d)',
  'trap \'rm -rf "$copy"\' EXIT',
  'cp .gitlab-ci.yml "$copy"/',
  'if [ -d .gitlab ]; then cp -R .gitlab "$copy"/; fi',
  'cd "$copy"',
  'git init -q',
  'git add -A',
  'gitlab-ci-local --list-all --state-dir "$copy/.state"',
].join('\n');

function ciSchemaChecks(): Check[] {
  const has = (file: string) => (root: string) => existsSync(path.join(root, file));
  const schema = (name: string, file: string) => [
    'check-jsonschema', '--regex-variant', 'nonunicode', '--builtin-schema', `vendor.${name}`, '--data-transform', name, file,
  ];
  return [
    { id: 'gitlab-schema', title: 'GitLab CI schema', tool: 'check-jsonschema', applies: has('.gitlab-ci.yml'), command: () => schema('gitlab-ci', '.gitlab-ci.yml') },
    {
      id: 'gitlab-ci-local',
      title: 'gitlab-ci-local (jobs, needs)',
      tool: 'gitlab-ci-local',
      applies: has('.gitlab-ci.yml'),
      // It resolves `include: local` through `git ls-files`, so it needs the CI files tracked in a
      // repository of their own: a project made with --no-git, one inside another repository (a
      // CI checkout) or one with uncommitted CI edits would fail. A throwaway copy gives it that.
      command: () => ['sh', '-c', GITLAB_CI_LOCAL_IN_COPY],
    },
    // The dependency-update bot's config (every project): Renovate's own schema.
    { id: 'renovate-schema', title: 'Renovate config schema', tool: 'check-jsonschema', applies: has('renovate.json'), command: () => ['check-jsonschema', '--builtin-schema', 'vendor.renovate', 'renovate.json'] },
    { id: 'azure-schema', title: 'Azure Pipelines schema', tool: 'check-jsonschema', applies: has('azure-pipelines.yml'), command: () => schema('azure-pipelines', 'azure-pipelines.yml') },
  ];
}

/** The Kubernetes version the manifests of deploy/k8s are validated against (README, Makefile). */
export const KUBERNETES_VERSION = '1.32.0';

/**
 * Deployment descriptors of the strategies, validated offline: Kubernetes manifests against the
 * schemas kubernetes-validate ships, and the SAM template with cfn-lint (aws-sam-translator
 * expands the Serverless transform locally).
 */
function deploymentChecks(): Check[] {
  // The base's objects; the overlays are kustomize patches, rendered and validated by the
  // project's own tests and `make k8s-validate` (which need kubectl).
  const manifests = (root: string) => filesUnder(root, 'deploy/k8s/base', /\.ya?ml$/).filter((f) => !f.endsWith('/kustomization.yaml'));
  const sam = 'deploy/serverless/template.yaml';
  return [
    {
      id: 'kubernetes-validate',
      title: `kubernetes-validate (k8s ${KUBERNETES_VERSION})`,
      tool: 'kubernetes-validate',
      applies: (root) => manifests(root).length > 0,
      command: (root) => nonEmpty(['kubernetes-validate', '--strict', '--kubernetes-version', KUBERNETES_VERSION, ...manifests(root)]),
    },
    { id: 'cfn-lint', title: 'cfn-lint (SAM template)', tool: 'cfn-lint', applies: (root) => existsSync(path.join(root, sam)), command: () => ['cfn-lint', sam] },
  ];
}

function dockerfiles(root: string): string[] {
  return filesUnder(root, '', /^Dockerfile/).filter((f) => !f.endsWith('.dockerignore'));
}

/** A command with no files to check is no command. */
function nonEmpty(command: string[]): string[] | undefined {
  return command.length > 1 ? command : undefined;
}
