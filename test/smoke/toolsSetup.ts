import { execa } from 'execa';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { smokeRoot, TOOLS, toolsBin } from './tools.js';

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
}
