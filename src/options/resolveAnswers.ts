import { printable } from './names.js';
import { UsageError } from '../errors.js';
import { coerce, describeSource } from './coerce.js';
import type { DefaultContext, OptionDef } from './optionTypes.js';
import { flagName } from './optionTypes.js';
import { constraints as allConstraints, optionSchema, type Answers } from './schema.js';

/** Asks one question in a terminal; gets the option and the value it would otherwise take. */
/** `problem` is set when the last answer to this question was refused: say it, then ask again. */
export type Ask = (option: OptionDef, fallback: unknown, answers: Readonly<Record<string, unknown>>, problem?: string) => Promise<unknown>;

export interface ResolveInput {
  /** Defaults that come from the call, e.g. the project name from the directory name. */
  readonly defaults?: Readonly<Record<string, unknown>>;
  /** Values from flags: only the ones the user gave. */
  readonly flags?: Readonly<Record<string, unknown>>;
  /** Values from an answers file. */
  readonly file?: Readonly<Record<string, unknown>>;
  /** Present in a terminal: asks for what neither flags nor the file gave. */
  readonly ask?: Ask;
  /** Ask the advanced questions too. */
  readonly askAdvanced?: boolean;
  /** Ask the deployment requirement questions (the "help me choose" step). */
  readonly askDeployment?: boolean;
  readonly context?: Partial<Omit<DefaultContext, 'answers'>>;
  /** Options a team overlay adds, resolved after the built-in ones. */
  readonly extraOptions?: readonly OptionDef[];
}

const schema: readonly OptionDef[] = optionSchema;

/**
 * Precedence: defaults < answers file < flags < prompts (prompts only ask what is still open).
 * Every value, from wherever, goes through the same coercion and validation.
 */
export async function resolveAnswers(input: ResolveInput): Promise<Answers & Record<string, unknown>> {
  const flags = input.flags ?? {};
  const file = input.file ?? {};
  const options = [...schema, ...(input.extraOptions ?? [])];
  rejectUnknownKeys(file, options);
  const answers: Record<string, unknown> = {};
  const context = (): DefaultContext => ({
    answers,
    gitUser: input.context?.gitUser ?? {},
    year: input.context?.year ?? new Date().getFullYear(),
  });

  for (const option of options) {
    const source = flags[option.id] !== undefined ? 'flag' : file[option.id] !== undefined ? 'file' : undefined;
    let value: unknown;
    if (source) {
      const raw = source === 'flag' ? flags[option.id] : file[option.id];
      const result = coerce(option, raw);
      if ('error' in result) throw new UsageError(`${describeSource(option, source)}: ${result.error}`);
      value = result.value;
      fail(option, value, answers, describeSource(option, source));
    } else {
      const fallback = input.defaults?.[option.id] ?? defaultOf(option, context());
      const wanted = !option.advanced || input.askAdvanced || (option.group === 'deployment' && input.askDeployment);
      const shouldAsk = input.ask && wanted && (option.when?.(answers) ?? true);
      value = shouldAsk && input.ask ? await askUntilValid(input.ask, option, fallback, answers) : fallback;
      if (value === undefined) {
        throw new UsageError(`missing --${flagName(option.id)}: ${missingHint(option)}`);
      }
      fail(option, value, answers, `--${flagName(option.id)}`);
    }
    answers[option.id] = value;
  }

  for (const rule of allConstraints) {
    if (rule.violated(answers)) {
      throw new UsageError(`${rule.options.map((o) => `--${flagName(o)}`).join(' with ')}: ${rule.message}`);
    }
  }
  return answers as Answers & Record<string, unknown>;
}

/**
 * Asks, checking each answer when it is given, with the rules that span several options
 * (at least one model family, CSV with the loaders...) once all their options are answered: a
 * refused answer is asked again with the reason, instead of failing after the last question.
 */
async function askUntilValid(ask: Ask, option: OptionDef, fallback: unknown, answers: Record<string, unknown>): Promise<unknown> {
  let problem: string | undefined;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const value = await ask(option, fallback, answers, problem);
    const validate = option.validate as ((v: unknown, a: Record<string, unknown>) => string | undefined) | undefined;
    problem = validate?.(value, answers) ?? constraintProblem(option.id, { ...answers, [option.id]: value });
    if (!problem) return value;
  }
  throw new UsageError(`--${flagName(option.id)}: ${problem ?? 'no valid answer'}`);
}

const MAX_ATTEMPTS = 5;

/** The message of a rule this answer breaks, among the rules whose options are all answered. */
export function constraintProblem(id: string, answers: Readonly<Record<string, unknown>>): string | undefined {
  const rule = allConstraints.find((r) => (r.options as readonly string[]).includes(id) && r.options.every((o) => o in answers) && r.violated(answers));
  return rule?.message;
}

export function defaultOf(option: OptionDef, context: DefaultContext): unknown {
  const d = option.default;
  return typeof d === 'function' ? (d as (ctx: DefaultContext) => unknown)(context) : d;
}

/** Runs the option's own validator; `where` names the flag or file key in the message. */
function fail(option: OptionDef, value: unknown, answers: Record<string, unknown>, where: string): void {
  const validate = option.validate as ((v: unknown, a: Record<string, unknown>) => string | undefined) | undefined;
  const problem = validate?.(value, answers);
  if (problem) throw new UsageError(`${where}: ${problem}`);
}

function missingHint(option: OptionDef): string {
  if (option.id === 'projectName') return 'give a directory (create-ml-prod my-project) or --project-name';
  return `give --${flagName(option.id)} ${option.valueName ?? '<value>'}`;
}

function rejectUnknownKeys(file: Readonly<Record<string, unknown>>, options: readonly OptionDef[]): void {
  const known = new Set(options.map((o) => o.id));
  const unknown = Object.keys(file).filter((key) => !known.has(key));
  if (unknown.length > 0) {
    throw new UsageError(
      `answers file: unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${printable(k)}"`).join(', ')}; valid keys are ${[...known].join(', ')}`,
    );
  }
}
