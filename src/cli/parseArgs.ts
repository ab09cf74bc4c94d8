import { Command, CommanderError, Option } from 'commander';
import { UsageError } from '../errors.js';
import { flagName, type OptionDef } from '../options/optionTypes.js';
import { optionSchema } from '../options/schema.js';
import type { ConflictPolicy } from '../fs/conflicts.js';

export interface RunSettings {
  readonly yes: boolean;
  readonly answersFile?: string;
  readonly advanced: boolean;
  readonly force: boolean;
  readonly conflict?: ConflictPolicy;
  readonly dryRun: boolean;
  readonly git: boolean;
  readonly install: boolean;
  readonly noColor: boolean;
  readonly verify: boolean;
}

export type ParsedArgs =
  | { readonly kind: 'help'; readonly noColor: boolean }
  | { readonly kind: 'version'; readonly noColor: boolean }
  | { readonly kind: 'verify'; readonly directory?: string; readonly noColor: boolean }
  | {
      readonly kind: 'create';
      readonly directory?: string;
      /** Schema answers given as flags (only those the user typed). */
      readonly flags: Record<string, unknown>;
      readonly run: RunSettings;
    };

const schema: readonly OptionDef[] = optionSchema;
const CONFLICT_POLICIES = ['skip', 'overwrite', 'abort'] as const;

/** argv (without node and the script) to a typed request; bad flags become a UsageError. */
export function parseArgs(args: readonly string[]): ParsedArgs {
  if (args[0] === 'verify') return parseVerifyArgs(args.slice(1));
  const program = new Command('create-ml-prod')
    .argument('[directory]')
    .helpOption(false)
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {}, outputError: () => {} });

  for (const option of schema) {
    const flag = flagName(option.id);
    if (option.kind === 'boolean') {
      program.addOption(new Option(`--${flag}`));
      program.addOption(new Option(`--no-${flag}`));
    } else {
      program.addOption(new Option(`--${flag} ${option.valueName ?? '<value>'}`));
    }
  }
  program
    .option('-y, --yes')
    .option('--answers <file>')
    .option('--advanced')
    .option('--force')
    .option('--conflict <policy>')
    .option('--dry-run')
    .option('--no-git')
    .option('--install')
    .option('--no-install')
    .option('--verify')
    .option('--no-color')
    .option('-v, --version')
    .option('-h, --help');

  try {
    program.parse([...args], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) throw new UsageError(`${error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ')} (see --help)`);
    throw error;
  }
  const opts = program.opts<Record<string, unknown>>();
  const noColor = opts.color === false;
  if (opts.help) return { kind: 'help', noColor };
  if (opts.version) return { kind: 'version', noColor };

  const flags: Record<string, unknown> = {};
  for (const option of schema) {
    if (program.getOptionValueSource(option.id) === 'cli') flags[option.id] = opts[option.id];
  }
  const conflict = opts.conflict as string | undefined;
  if (conflict !== undefined && !(CONFLICT_POLICIES as readonly string[]).includes(conflict)) {
    throw new UsageError(`--conflict: "${conflict}" is not one of: ${CONFLICT_POLICIES.join(', ')}`);
  }
  const directory = program.args[0];
  return {
    kind: 'create',
    ...(directory !== undefined ? { directory } : {}),
    flags,
    run: {
      yes: Boolean(opts.yes),
      ...(typeof opts.answers === 'string' ? { answersFile: opts.answers } : {}),
      advanced: Boolean(opts.advanced),
      force: Boolean(opts.force),
      ...(conflict ? { conflict: conflict as ConflictPolicy } : {}),
      dryRun: Boolean(opts.dryRun),
      git: opts.git !== false,
      install: opts.install === true,
      noColor,
      verify: opts.verify === true,
    },
  };
}

/** `create-ml-prod verify [directory]`. */
function parseVerifyArgs(args: readonly string[]): ParsedArgs {
  const program = new Command('create-ml-prod verify')
    .argument('[directory]')
    .helpOption(false)
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {}, outputError: () => {} })
    .option('--no-color')
    .option('-h, --help');
  try {
    program.parse([...args], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) throw new UsageError(`verify: ${error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ')}`);
    throw error;
  }
  const opts = program.opts<Record<string, unknown>>();
  const noColor = opts.color === false;
  if (opts.help) return { kind: 'help', noColor };
  const directory = program.args[0];
  return { kind: 'verify', ...(directory !== undefined ? { directory } : {}), noColor };
}
