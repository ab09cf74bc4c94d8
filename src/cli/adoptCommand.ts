import path from 'node:path';
import { ExitCode } from '../errors.js';
import { projectNameFromDirectory } from '../options/names.js';
import { resolveAnswers } from '../options/resolveAnswers.js';
import { gitUser } from '../steps/gitUser.js';
import { adoptProject, assertAdoptable } from '../update/adoptProject.js';
import { realTarget } from '../fs/realTarget.js';
import type { Output } from '../ui/output.js';
import { canAsk, type CliIo } from './cliIo.js';
import type { ParsedArgs } from './parseArgs.js';

type AdoptArgs = Extract<ParsedArgs, { kind: 'adopt' }>;

/** `adopt [dir]`: the answers (asked, or from flags and --answers), then only the record is written. */
export async function runAdopt(out: Output, io: CliIo, parsed: AdoptArgs, signal: AbortSignal): Promise<number> {
  const directory = parsed.directory ?? '.';
  const root = realTarget(path.resolve(io.cwd, directory));
  await assertAdoptable(root); // before the first question
  const prompts = canAsk(io, parsed.yes) ? await import('./prompts.js') : undefined;
  const file = parsed.answersFile ? await (await import('../options/readAnswersFile.js')).readAnswersFile(path.resolve(io.cwd, parsed.answersFile)) : {};
  const answers = await resolveAnswers({
    flags: parsed.flags,
    file,
    defaults: { projectName: projectNameFromDirectory(root) },
    ...(prompts ? { ask: prompts.askInTerminal } : {}),
    context: { gitUser: await gitUser(io.cwd) },
  });
  const result = await adoptProject({ directory, cwd: io.cwd, answers, signal });
  out.success(`Adopted ${result.root} with create-ml-prod ${result.version}: wrote .create-ml-prod.json, nothing else`);
  out.line(`  ${String(result.untouched.length).padStart(4)} file(s) as we generate them: updates follow the template`);
  out.line(`  ${String(result.yours.length).padStart(4)} file(s) yours (ownership.skip: never updated): ${result.yours.join(', ') || '-'}`);
  out.line(`  ${String(result.missing.length).padStart(4)} file(s) the template has and this repository lacks: \`create-ml-prod update\` adds them`);
  out.line('Commit .create-ml-prod.json; then check, update and add work as in a generated project.');
  return ExitCode.ok;
}
