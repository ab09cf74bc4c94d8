import { flagName, type OptionDef } from '../options/optionTypes.js';
import { optionSchema, type Answers } from '../options/schema.js';

/** The resolved answers as one command that reproduces them without questions. */
export function equivalentCommand(
  directory: string,
  answers: Answers & Record<string, unknown>,
  extraOptions: readonly OptionDef[] = [],
  template?: string,
): string {
  const parts = ['npx', 'create-ml-prod', quote(directory)];
  if (template) parts.push('--template', quote(template));
  const schema: readonly OptionDef[] = [...optionSchema, ...extraOptions];
  for (const option of schema) {
    const value = (answers as Record<string, unknown>)[option.id];
    const flag = `--${flagName(option.id)}`;
    if (option.documentationOnly && value === option.default) continue;
    if (option.kind === 'boolean') parts.push(value ? flag : `--no-${flagName(option.id)}`);
    else if (Array.isArray(value)) parts.push(flag, quote(value.length ? value.join(',') : 'none'));
    else parts.push(flag, quote(String(value)));
  }
  parts.push('--yes');
  return parts.join(' ');
}

/** A shell word: bare when safe, single-quoted otherwise, $'...' when it holds a newline. */
function quote(value: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  if (/[\n\t]/.test(value)) {
    const escaped = value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\t/g, '\\t');
    return `$'${escaped}'`;
  }
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
