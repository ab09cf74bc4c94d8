import { CancelledError, ExitCode, exitCodeOf, StepError, UsageError } from '../errors.js';
import { generatorVersion } from '../templatesRoot.js';
import { colorLevel } from '../ui/colorLevel.js';
import { createOutput, type Output } from '../ui/output.js';
import type { CliIo } from './cliIo.js';
import { processIo } from './cliIo.js';
import { commandHelp } from './commandHelp.js';
import { helpText } from './help.js';
import { COMMANDS, parseArgs, peekOption } from './parseArgs.js';
import { gitUser } from '../steps/gitUser.js';
import path from 'node:path';
import { describeCode } from '../fs/commitPlan.js';
import { printable } from '../options/names.js';

export type { CliIo } from './cliIo.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** The whole command: argv in, exit code out. Signals cancel the run and undo its writes. */
export async function main(args: readonly string[], io: CliIo = processIo()): Promise<number> {
  const isTTY = Boolean(io.stdout.isTTY);
  let out = createOutput(io.stdout, io.stderr, colorLevel({ noColorFlag: args.includes('--no-color'), env: io.env, isTTY }));
  const controller = new AbortController();
  // The first signal cancels; the rest are ignored, so the rollback it starts cannot be cut
  // short (the journal on disk covers SIGKILL and power cuts).
  const onSignal = () => {
    if (!controller.signal.aborted) controller.abort();
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  try {
    // A team overlay adds options, so it is read before the flags are parsed.
    const templateDir = args[0] && (COMMANDS as readonly string[]).includes(args[0]) ? undefined : peekOption(args, '--template');
    const team = templateDir
      ? (await import('../team/teamTemplate.js')).loadTeamTemplate(path.resolve(io.cwd, templateDir), templateDir)
      : undefined;
    const parsed = parseArgs(args, team?.options ?? []);
    out = createOutput(io.stdout, io.stderr, colorLevel({ noColorFlag: parsed.kind === 'create' ? parsed.run.noColor : parsed.noColor, env: io.env, isTTY }));
    switch (parsed.kind) {
      case 'help':
        io.stdout.write(parsed.topic ? commandHelp(parsed.topic) : helpText(generatorVersion(), out.color));
        return ExitCode.ok;
      case 'recover':
        return await (await import('./recoverCommand.js')).runRecover(out, io.cwd, parsed.directory);
      case 'version':
        io.stdout.write(`${generatorVersion()}\n`);
        return ExitCode.ok;
      // Commands load on demand, so --version and --help start fast.
      case 'verify': {
        const { runVerify, verifyRoot } = await import('./verifyCommand.js');
        return await runVerify(out, verifyRoot(io.cwd, parsed.directory), controller.signal);
      }
      case 'advise':
        return await (await import('./adviseCommand.js')).runAdvise(out, io, parsed);
      case 'check':
        return await (await import('./checkCommand.js')).runCheck(out, io.stdout, io.cwd, parsed.directory, parsed.json);
      case 'adopt':
        return await (await import('./adoptCommand.js')).runAdopt(out, io, parsed, controller.signal);
      case 'update':
      case 'add':
        return await (await import('./updateCommand.js')).runUpdate(out, io.cwd, parsed, controller.signal);
      case 'create': {
        const identity = gitUser(io.cwd); // the default author; git answers while the command loads
        return await (await import('./createCommand.js')).runCreate(out, io, parsed, team, controller.signal, identity);
      }
      default: {
        const unknown: never = parsed;
        throw new Error(`unknown command ${JSON.stringify(unknown)}`);
      }
    }
  } catch (error) {
    return fail(out, error);
  } finally {
    for (const signal of SIGNALS) process.off(signal, onSignal);
  }
}

function fail(out: Output, error: unknown): number {
  // @inquirer's ExitPromptError (Ctrl-C at a prompt), matched by name to keep inquirer lazy.
  if (error instanceof CancelledError || (error instanceof Error && error.name === 'ExitPromptError')) {
    out.error(error instanceof CancelledError ? error.message : 'Cancelled.');
    return ExitCode.cancelled;
  }
  if (error instanceof UsageError) {
    out.error(error.message);
    return ExitCode.usage;
  }
  if (error instanceof StepError) {
    out.error(error.message);
    if (error.detail) out.line(out.color.dim(error.detail));
    return ExitCode.failure;
  }
  // A file-system error with a path (ENAMETOOLONG, EACCES...) is a message, not a stack.
  const fsError = error as NodeJS.ErrnoException;
  if (fsError?.code && fsError.path) {
    out.error(`${printable(fsError.path)}: ${describeCode(fsError.code)}`);
    return ExitCode.failure;
  }
  out.error(`unexpected failure: ${error instanceof Error ? error.message : String(error)}`);
  return exitCodeOf(error);
}
