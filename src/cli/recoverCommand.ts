import path from 'node:path';
import { ExitCode } from '../errors.js';
import { realTarget } from '../fs/realTarget.js';
import { recoverProject } from '../fs/recoverProject.js';
import type { Output } from '../ui/output.js';

/** `recover [dir]`: replays the journal of a run that died, back to the tree as it was. */
export async function runRecover(out: Output, cwd: string, directory: string | undefined): Promise<number> {
  const root = realTarget(path.resolve(cwd, directory ?? '.'));
  const recovery = await recoverProject(root);
  if (!recovery) {
    out.success(`Nothing to recover in ${root}.`);
    return ExitCode.ok;
  }
  if (recovery.problems.length > 0) {
    out.error(`recovered the interrupted ${recovery.command} in part; not undone: ${recovery.problems.join('; ')}`);
    return ExitCode.failure;
  }
  out.success(`Recovered the interrupted ${recovery.command} in ${root}: ${recovery.undone} change(s) undone.`);
  return ExitCode.ok;
}
