import { execa } from 'execa';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { flagName } from '../../src/options/optionTypes.js';
import { binPath, cleanEnv } from '../helpers/cli.js';
import { smokePath, smokeRoot } from './tools.js';

/** A combination of answers as the CLI flags that give it. */
export function flagsFor(combo: Record<string, unknown>): string[] {
  return Object.entries(combo).flatMap(([id, value]) => {
    const flag = flagName(id);
    if (typeof value === 'boolean') return [value ? `--${flag}` : `--no-${flag}`];
    if (Array.isArray(value)) return [`--${flag}`, value.length ? value.join(',') : 'none'];
    return [`--${flag}`, String(value)];
  });
}

/** Generates a project with these flags into .smoke/<folder>/<name> and runs `verify` on it, as a user would. */
export async function generateAndVerify(folder: string, name: string, flags: readonly string[]) {
  const parent = path.join(smokeRoot, folder);
  mkdirSync(parent, { recursive: true });
  rmSync(path.join(parent, name), { recursive: true, force: true });
  return execa(process.execPath, [binPath, name, '--yes', '--no-git', '--verify', '--no-color', ...flags], {
    cwd: parent,
    env: cleanEnv({ PATH: smokePath() }),
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
    all: true,
  });
}
