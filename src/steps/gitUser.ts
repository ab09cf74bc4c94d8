import { execFile } from 'node:child_process';

export interface GitUser {
  readonly name?: string;
  readonly email?: string;
}

/**
 * The user's git identity, the default author: one `git config` read, through node's own
 * child_process so a run without git steps never loads execa (a fifth of the bundle to compile).
 * No git, or no identity, gives `{}`.
 */
export function gitUser(cwd: string): Promise<GitUser> {
  return new Promise((resolve) => {
    execFile('git', ['config', '--get-regexp', '^user\\.(name|email)$'], { cwd, timeout: 5000, windowsHide: true }, (error, stdout) => {
      if (error && !stdout) return resolve({});
      const found: { name?: string; email?: string } = {};
      for (const line of String(stdout).split('\n')) {
        const match = /^user\.(name|email) (.*)$/i.exec(line.trim());
        const value = match?.[2]?.trim();
        if (match && value) found[match[1]!.toLowerCase() as 'name' | 'email'] = value;
      }
      resolve(found);
    });
  });
}
