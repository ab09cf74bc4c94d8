import { Command, CommanderError, Option } from 'commander';
import { UsageError } from '../errors.js';
import type { ConflictPolicy } from '../fs/conflicts.js';
import { flagName, type OptionDef } from '../options/optionTypes.js';
import { optionSchema } from '../options/schema.js';

export interface RunSettings {
  readonly yes: boolean;
  readonly answersFile?: string;
  readonly template?: string;
  readonly advanced: boolean;
  readonly force: boolean;
  readonly conflict?: ConflictPolicy;
  readonly dryRun: boolean;
  readonly git: boolean;
  readonly install: boolean;
  readonly noColor: boolean;
  readonly verify: boolean;
  readonly advise: boolean;
}

export interface UpdateSettings {
  readonly directory?: string;
  /** Answers given as flags: the answers to change. */
  readonly flags: Record<string, unknown>;
  readonly dryRun: boolean;
  readonly allowDirty: boolean;
  readonly previous?: string;
  readonly noColor: boolean;
}

export type CommandName = (typeof COMMANDS)[number];

export type ParsedArgs =
  | { readonly kind: 'help'; readonly noColor: boolean; readonly topic?: CommandName }
  | { readonly kind: 'recover'; readonly directory?: string; readonly noColor: boolean }
  | { readonly kind: 'version'; readonly noColor: boolean }
  | { readonly kind: 'verify'; readonly directory?: string; readonly noColor: boolean }
  | { readonly kind: 'check'; readonly directory?: string; readonly noColor: boolean; readonly json: boolean }
  | {
      readonly kind: 'adopt';
      readonly directory?: string;
      /** Schema answers given as flags. */
      readonly flags: Record<string, unknown>;
      readonly yes: boolean;
      readonly answersFile?: string;
      readonly noColor: boolean;
    }
  | { readonly kind: 'advise'; readonly flags: Record<string, unknown>; readonly noColor: boolean; readonly yes: boolean }
  | ({ readonly kind: 'update' } & UpdateSettings)
  | ({ readonly kind: 'add'; readonly component?: string } & UpdateSettings)
  | {
      readonly kind: 'create';
      readonly directory?: string;
      /** Schema answers given as flags (only those the user typed). */
      readonly flags: Record<string, unknown>;
      readonly run: RunSettings;
    };

export const COMMANDS = ['verify', 'update', 'add', 'check', 'adopt', 'advise', 'recover'] as const;
const CONFLICT_POLICIES = ['skip', 'overwrite', 'abort'] as const;

function program(name: string): Command {
  return new Command(name)
    .helpOption(false)
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {}, outputError: () => {} })
    .option('--no-color')
    .option('-h, --help');
}

/** One flag per option: `--x <value>`, or `--x` and `--no-x` for a boolean. */
function addSchemaFlags(command: Command, options: readonly OptionDef[]): void {
  for (const option of options) {
    const flag = flagName(option.id);
    if (option.kind === 'boolean') {
      command.addOption(new Option(`--${flag}`));
      command.addOption(new Option(`--no-${flag}`));
    } else {
      command.addOption(new Option(`--${flag} ${option.valueName ?? '<value>'}`));
    }
  }
}

function givenFlags(command: Command, options: readonly OptionDef[]): Record<string, unknown> {
  const opts = command.opts<Record<string, unknown>>();
  const flags: Record<string, unknown> = {};
  for (const option of options) {
    if (command.getOptionValueSource(option.id) === 'cli') flags[option.id] = opts[option.id];
  }
  return flags;
}

function parse(command: Command, args: readonly string[], prefix = ''): Record<string, unknown> {
  try {
    command.parse([...args], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      throw new UsageError(`${prefix}${error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ')} (see --help)`);
    }
    throw error;
  }
  return command.opts<Record<string, unknown>>();
}

/** The value of `--name <value>` in argv, before full parsing (team options must be known first). */
export function peekOption(args: readonly string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === name) return args[i + 1];
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}

/** argv (without node and the script) to a typed request; bad flags become a UsageError. */
export function parseArgs(args: readonly string[], extraOptions: readonly OptionDef[] = []): ParsedArgs {
  const first = args[0];
  // `help` and `version` are commands, never project names; `help <command>` is that command's help.
  if (first === 'help') {
    const topic = args[1];
    return { kind: 'help', noColor: args.includes('--no-color'), ...(topic && (COMMANDS as readonly string[]).includes(topic) ? { topic: topic as CommandName } : {}) };
  }
  if (first === 'version' && args.length === 1) return { kind: 'version', noColor: false };
  if (first === 'verify' || first === 'check' || first === 'recover') {
    const command = program(`create-ml-prod ${first}`).argument('[directory]');
    if (first === 'check') command.option('--json');
    const opts = parse(command, args.slice(1), `${first}: `);
    const noColor = opts.color === false;
    if (opts.help) return { kind: 'help', noColor, topic: first };
    const directory = command.args[0];
    const where = directory !== undefined ? { directory } : {};
    return first === 'check' ? { kind: first, ...where, noColor, json: Boolean(opts.json) } : { kind: first, ...where, noColor };
  }
  const options = [...optionSchema, ...extraOptions];
  if (first === 'advise') {
    const questions = options.filter((o) => o.group === 'deployment');
    const command = program('create-ml-prod advise').option('-y, --yes');
    addSchemaFlags(command, questions);
    const opts = parse(command, args.slice(1), 'advise: ');
    const noColor = opts.color === false;
    if (opts.help) return { kind: 'help', noColor, topic: 'advise' };
    return { kind: 'advise', flags: givenFlags(command, questions), noColor, yes: Boolean(opts.yes) };
  }
  if (first === 'adopt') {
    const command = program('create-ml-prod adopt').argument('[directory]').option('-y, --yes').option('--answers <file>');
    addSchemaFlags(command, options);
    const opts = parse(command, args.slice(1), 'adopt: ');
    const noColor = opts.color === false;
    if (opts.help) return { kind: 'help', noColor, topic: 'adopt' };
    const directory = command.args[0];
    return {
      kind: 'adopt',
      ...(directory !== undefined ? { directory } : {}),
      flags: givenFlags(command, options),
      yes: Boolean(opts.yes),
      ...(typeof opts.answers === 'string' ? { answersFile: opts.answers } : {}),
      noColor,
    };
  }
  if (first === 'update' || first === 'add') {
    const command = program(`create-ml-prod ${first}`);
    if (first === 'add') command.argument('[component]');
    command.argument('[directory]').option('--dry-run').option('--allow-dirty').option('--previous <package-dir>');
    if (first === 'update') addSchemaFlags(command, options);
    const opts = parse(command, args.slice(1), `${first}: `);
    const noColor = opts.color === false;
    if (opts.help) return { kind: 'help', noColor, topic: first };
    const [a, b] = command.args;
    const directory = first === 'add' ? b : a;
    const settings: UpdateSettings = {
      ...(directory !== undefined ? { directory } : {}),
      flags: first === 'update' ? givenFlags(command, options) : {},
      dryRun: Boolean(opts.dryRun),
      allowDirty: Boolean(opts.allowDirty),
      ...(typeof opts.previous === 'string' ? { previous: opts.previous } : {}),
      noColor,
    };
    return first === 'add' ? { kind: 'add', ...(a !== undefined ? { component: a } : {}), ...settings } : { kind: 'update', ...settings };
  }

  const command = program('create-ml-prod').argument('[directory]');
  addSchemaFlags(command, options);
  command
    .option('-y, --yes')
    .option('--answers <file>')
    .option('--template <dir>')
    .option('--advanced')
    .option('--force')
    .option('--conflict <policy>')
    .option('--dry-run')
    .option('--no-git')
    .option('--install')
    .option('--no-install')
    .option('--verify')
    .option('--advise')
    .option('-v, --version');
  const opts = parse(command, args);
  const noColor = opts.color === false;
  if (opts.help) return { kind: 'help', noColor };
  if (opts.version) return { kind: 'version', noColor };
  const conflict = opts.conflict as string | undefined;
  if (conflict !== undefined && !(CONFLICT_POLICIES as readonly string[]).includes(conflict)) {
    throw new UsageError(`--conflict: "${conflict}" is not one of: ${CONFLICT_POLICIES.join(', ')}`);
  }
  const directory = command.args[0];
  return {
    kind: 'create',
    ...(directory !== undefined ? { directory } : {}),
    flags: givenFlags(command, options),
    run: {
      yes: Boolean(opts.yes),
      ...(typeof opts.answers === 'string' ? { answersFile: opts.answers } : {}),
      ...(typeof opts.template === 'string' ? { template: opts.template } : {}),
      advanced: Boolean(opts.advanced),
      force: Boolean(opts.force),
      ...(conflict ? { conflict: conflict as ConflictPolicy } : {}),
      dryRun: Boolean(opts.dryRun),
      git: opts.git !== false,
      install: opts.install === true,
      noColor,
      verify: opts.verify === true,
      advise: opts.advise === true,
    },
  };
}
