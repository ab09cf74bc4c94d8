import { execa } from 'execa';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ACTIONLINT_MODULE, smokeRoot, TOOLS, toolsBin } from './tools.js';

/** Installs the validators into .smoke/tools once; pip's cache makes later runs quick. */
export default async function setup(): Promise<void> {
  mkdirSync(smokeRoot, { recursive: true });
  const venv = path.dirname(toolsBin);
  if (!existsSync(path.join(toolsBin, 'python'))) {
    await execa('python3', ['-m', 'venv', venv], { stdio: 'inherit' });
  }
  await execa(path.join(toolsBin, 'python'), ['-m', 'pip', 'install', '--quiet', '--upgrade', ...TOOLS], {
    stdio: 'inherit',
  });
  if (!existsSync(path.join(toolsBin, 'actionlint'))) {
    await execa('go', ['install', ACTIONLINT_MODULE], {
      stdio: 'inherit',
      env: { GOBIN: toolsBin, GOFLAGS: '-mod=mod', CGO_ENABLED: '0' },
    });
  }
}
