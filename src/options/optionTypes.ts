/** The shapes an option can take in the schema. The answers type is derived from the schema. */

export type GroupId = 'project' | 'python' | 'ml' | 'components' | 'deployment';

export interface Choice<C extends string = string> {
  readonly value: C;
  readonly help: string;
}

/** What a default may look at: answers resolved so far, and facts about the machine. */
export interface DefaultContext {
  readonly answers: Readonly<Record<string, unknown>>;
  readonly gitUser: { readonly name?: string; readonly email?: string };
  readonly year: number;
}

interface CommonDef<Id extends string, V> {
  readonly id: Id;
  readonly group: GroupId;
  /** The question asked in a terminal. */
  readonly message: string;
  /** One line for --help. */
  readonly help: string;
  /** The flag's value name in --help, e.g. `<name>`. */
  readonly valueName?: string;
  readonly default?: V | ((ctx: DefaultContext) => V | undefined);
  /** Returns a message when the value is not acceptable, given the other answers. */
  validate?(value: V, answers: Readonly<Record<string, unknown>>): string | undefined;
  /** Asked only when this returns true (it is still resolved and validated otherwise). */
  readonly when?: (answers: Readonly<Record<string, unknown>>) => boolean;
  /** Not asked in a terminal unless it differs from its default; still a flag and an answer. */
  readonly advanced?: boolean;
  /** Left out of the test matrix: it changes documentation only. */
  readonly documentationOnly?: boolean;
}

export interface StringOption<Id extends string = string> extends CommonDef<Id, string> {
  readonly kind: 'string';
}

export interface BooleanOption<Id extends string = string> extends CommonDef<Id, boolean> {
  readonly kind: 'boolean';
}

export interface ChoiceOption<Id extends string = string, C extends string = string>
  extends CommonDef<Id, C> {
  readonly kind: 'choice';
  readonly choices: readonly Choice<C>[];
}

export interface MultiOption<Id extends string = string, C extends string = string>
  extends CommonDef<Id, readonly C[]> {
  readonly kind: 'multi';
  readonly choices: readonly Choice<C>[];
}

export type OptionDef = StringOption | BooleanOption | ChoiceOption | MultiOption;

export type ValueOf<O> =
  O extends ChoiceOption<string, infer C>
    ? C
    : O extends MultiOption<string, infer C>
      ? C[]
      : O extends BooleanOption
        ? boolean
        : string;

/** A rule across options: `message` explains why the combination is rejected. */
export interface Constraint {
  readonly options: readonly string[];
  readonly violated: (answers: Readonly<Record<string, unknown>>) => boolean;
  readonly message: string;
}

export function defineString<const Id extends string>(def: Omit<StringOption<Id>, 'kind'>) {
  return { kind: 'string', ...def } as StringOption<Id>;
}
export function defineBoolean<const Id extends string>(def: Omit<BooleanOption<Id>, 'kind'>) {
  return { kind: 'boolean', ...def } as BooleanOption<Id>;
}
export function defineChoice<const Id extends string, const C extends string>(
  def: Omit<ChoiceOption<Id, C>, 'kind'>,
) {
  return { kind: 'choice', ...def } as ChoiceOption<Id, C>;
}
export function defineMulti<const Id extends string, const C extends string>(
  def: Omit<MultiOption<Id, C>, 'kind'>,
) {
  return { kind: 'multi', ...def } as MultiOption<Id, C>;
}

/** `pythonVersion` -> `python-version`. */
export function flagName(id: string): string {
  return id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
