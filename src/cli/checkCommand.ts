import { ExitCode } from '../errors.js';
import { checkProject } from '../update/checkProject.js';
import type { Output } from '../ui/output.js';

/** `check [dir]`: exit 0 when the project is what this generator makes, 1 when it is behind. */
export async function runCheck(out: Output, cwd: string, directory: string | undefined): Promise<number> {
  const result = await checkProject({ directory: directory ?? '.', cwd });
  if (result.drifted.length > 0) out.line(`Edited since generation (${result.drifted.length}): ${result.drifted.join(', ')}`);
  if (result.upToDate) {
    out.success(`Up to date with create-ml-prod ${result.to}${result.from !== result.to ? ` (generated with ${result.from}; same output)` : ''}.`);
    return ExitCode.ok;
  }
  out.warn(`Behind create-ml-prod ${result.to} (generated with ${result.from}): ${result.behind.length} file(s) would change: ${result.behind.join(', ')}`);
  out.line('Run `create-ml-prod update` to bring them in (your edits are merged, never lost).');
  return ExitCode.failure;
}
