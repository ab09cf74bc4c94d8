import { checkbox, confirm, input, select } from '@inquirer/prompts';
import type { ConflictPolicy } from '../fs/conflicts.js';
import type { OptionDef } from '../options/optionTypes.js';
import type { Ask } from '../options/resolveAnswers.js';

/** One question per option kind, with the same validation as flags and answers files. */
export const askInTerminal: Ask = async (option: OptionDef, fallback, answers, problem) => {
  if (problem) process.stderr.write(`${problem}\n`);
  const check = option.validate as ((v: unknown, a: Readonly<Record<string, unknown>>) => string | undefined) | undefined;
  const validate = (value: unknown) => check?.(value, answers) ?? true;
  switch (option.kind) {
    case 'string': {
      const derived = option.id === 'packageName' && typeof fallback === 'string';
      return input({
        message: derived ? `${option.message} (derived from the project name)` : option.message,
        ...(typeof fallback === 'string' ? { default: fallback } : {}),
        validate,
      });
    }
    case 'boolean':
      return confirm({ message: option.message, default: fallback === true });
    case 'choice':
      return select({
        message: option.message,
        choices: option.choices.map((c) => ({ value: c.value, name: c.value, description: c.help })),
        ...(typeof fallback === 'string' ? { default: fallback } : {}),
      });
    case 'multi':
      return checkbox({
        message: option.message,
        choices: option.choices.map((c) => ({
          value: c.value,
          name: `${c.value}: ${c.help}`,
          checked: Array.isArray(fallback) && fallback.includes(c.value),
        })),
        validate: (items) => validate(items.map((i) => i.value)),
      });
  }
};

/** Shown when --force meets existing files in a terminal and no --conflict was given. */
export async function askConflict(conflicts: readonly string[]): Promise<ConflictPolicy> {
  return select<ConflictPolicy>({
    message: `${conflicts.length} existing file${conflicts.length > 1 ? 's' : ''} would be overwritten. What should happen to them?`,
    choices: [
      { value: 'skip', name: 'Keep mine (skip those files)' },
      { value: 'overwrite', name: 'Overwrite them with the generated files' },
      { value: 'abort', name: 'Abort: write nothing' },
    ],
    default: 'skip',
  });
}
