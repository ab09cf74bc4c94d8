import { spawn } from 'node:child_process';

export interface GitUser {
  readonly name?: string;
  readonly email?: string;
}

/**
 * The user's git identity, the default author: one `git config` read, through node's own
 * child_process so a run without git steps never loads execa (a fifth of the bundle to compile).
 * Only stdout is a pipe (each pipe is a socket to set up). No git, or no identity, gives `{}`.
 */
export function gitUser(cwd: string): Promise<GitUser> {
  return new Promise((resolve) => {
    let stdout = '';
    const child = spawn('git', ['config', '--get-regexp', '^user\\.(name|email)$'], { cwd, stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000, windowsHide: true });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', () => resolve({})); // no git on the PATH, or cwd is gone
    child.on('close', () => {
      const found: { name?: string; email?: string } = {};
      for (const line of stdout.split('\n')) {
        const match = /^user\.(name|email) (.*)$/i.exec(line.trim());
        const value = match?.[2]?.trim();
        if (match && value) found[match[1]!.toLowerCase() as 'name' | 'email'] = value;
      }
      resolve(found);
    });
  });
}
