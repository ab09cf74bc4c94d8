import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { gitUser } from '../../src/steps/gitUser.js';
import { tempDir } from '../helpers/cli.js';

afterEach(() => vi.unstubAllEnvs());

describe('the default author from git', () => {
  it("reads the user's name and email from git config", async () => {
    const home = tempDir();
    writeFileSync(path.join(home, '.gitconfig'), '[user]\n\tname = Ada Lovelace \n\temail = ada@example.com\n');
    vi.stubEnv('HOME', home);
    vi.stubEnv('XDG_CONFIG_HOME', path.join(home, 'none'));
    vi.stubEnv('GIT_CONFIG_NOSYSTEM', '1');
    expect(await gitUser(home)).toEqual({ name: 'Ada Lovelace', email: 'ada@example.com' });
    writeFileSync(path.join(home, '.gitconfig'), '[core]\n\tbare = false\n');
    expect(await gitUser(home)).toEqual({});
  });

  it('gives no identity without git', async () => {
    vi.stubEnv('PATH', tempDir());
    expect(await gitUser(tempDir())).toEqual({});
  });
});
