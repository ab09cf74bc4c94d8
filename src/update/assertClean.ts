import { execa } from 'execa';
import { UsageError } from '../errors.js';
import { JOURNAL_DIR } from '../fs/journalLog.js';

/** Refuses a dirty or non-git work tree, so that what `command` writes can be undone with git. */
export async function assertClean(root: string, command: string): Promise<void> {
  // The journal (this run's lock) is not part of the work tree's state.
  const status = await execa('git', ['status', '--porcelain', '--', '.', `:(exclude)${JOURNAL_DIR}`], { cwd: root, reject: false, stdin: 'ignore' });
  const escape = command === 'adopt' ? '' : ', or pass --allow-dirty';
  if (status.failed) {
    throw new UsageError(`${root} is not a git work tree: commit the project to git first (so the ${command} can be undone)${escape}`);
  }
  if (String(status.stdout).trim() !== '') {
    throw new UsageError(`the work tree has uncommitted changes: commit or stash them first (so the ${command} can be undone)${escape}; nothing was changed`);
  }
}
