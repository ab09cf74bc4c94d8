import { ExitCode } from '../errors.js';
import { checkProject } from '../update/checkProject.js';
import type { Output } from '../ui/output.js';
import type { Writable } from '../ui/output.js';

/**
 * `check [dir] [--json]`: exit 0 when the project is what this generator makes, 5 when it is
 * behind (copier's check-update uses 5 too), 1 on a failure and 2 on bad input, so a script can
 * tell "there is an update" from "the check broke".
 */
export async function runCheck(out: Output, stdout: Writable, cwd: string, directory: string | undefined, json: boolean): Promise<number> {
  const result = await checkProject({ directory: directory ?? '.', cwd });
  if (json) {
    const report = {
      recorded: result.from,
      current: result.to,
      behind: !result.upToDate,
      files: result.behind,
      edited: result.drifted,
      newOptions: result.newOptions,
      migrations: result.migrated,
    };
    stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return result.upToDate ? ExitCode.ok : ExitCode.behind;
  }
  if (result.drifted.length > 0) out.line(`Edited since generation (${result.drifted.length}): ${result.drifted.join(', ')}`);
  if (result.upToDate) {
    out.success(`Up to date with create-ml-prod ${result.to}${result.from !== result.to ? ` (generated with ${result.from}; same output)` : ''}.`);
    return ExitCode.ok;
  }
  out.warn(`Behind create-ml-prod ${result.to} (generated with ${result.from}): ${result.behind.length} file(s) would change: ${result.behind.join(', ')}`);
  out.line('Run `create-ml-prod update` to bring them in (your edits are merged, never lost).');
  return ExitCode.behind;
}
