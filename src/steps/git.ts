import { execa } from 'execa';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Journal } from '../fs/journal.js';
import { JOURNAL_DIR } from '../fs/journalLog.js';
import { runStep } from './run.js';

/** Whether `dir` (or its nearest existing ancestor) lies inside a git work tree. */
export async function insideGitWorkTree(dir: string): Promise<boolean> {
  let probe = path.resolve(dir);
  while (!existsSync(probe)) probe = path.dirname(probe);
  const result = await execa('git', ['rev-parse', '--is-inside-work-tree'], { cwd: probe, reject: false, stdin: 'ignore' });
  return !result.failed && String(result.stdout).trim() === 'true';
}

async function gitConfig(key: string, cwd: string): Promise<string | undefined> {
  const result = await execa('git', ['config', '--get', key], { cwd, reject: false, stdin: 'ignore' });
  const value = String(result.stdout).trim();
  return result.failed || value === '' ? undefined : value;
}

/** `git init` and one initial commit; the new `.git` is journaled so a failure removes it. */
export async function initRepository(input: {
  root: string;
  journal: Journal;
  author: string;
  email: string;
  message: string;
  signal?: AbortSignal;
}): Promise<void> {
  const { root, signal } = input;
  const branch = (await gitConfig('init.defaultBranch', root)) ?? 'main';
  const gitDir = path.join(root, '.git');
  if (!existsSync(gitDir)) input.journal.tree(gitDir);
  await runStep('git init', 'git', ['init', '--quiet', `--initial-branch=${branch}`], { cwd: root, ...(signal ? { signal } : {}) });
  // The journal is this run's, never the project's.
  await runStep('git add', 'git', ['add', '--all', '--', '.', `:(exclude)${JOURNAL_DIR}`], { cwd: root, ...(signal ? { signal } : {}) });
  // Use the user's identity; fall back to the project's author where git has none.
  const identity = (await gitConfig('user.email', root))
    ? []
    : ['-c', `user.name=${input.author}`, '-c', `user.email=${input.email}`];
  await runStep('git commit', 'git', [...identity, 'commit', '--quiet', '--no-verify', '-m', input.message], {
    cwd: root,
    ...(signal ? { signal } : {}),
  });
}
