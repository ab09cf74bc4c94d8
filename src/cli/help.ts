import type { ChalkInstance } from 'chalk';
import { flagName, type GroupId, type OptionDef } from '../options/optionTypes.js';
import { optionSchema } from '../options/schema.js';
import { runFlags } from './runFlags.js';

const GROUP_TITLES: Record<GroupId, string> = {
  project: 'Project',
  python: 'Python',
  ml: 'Machine learning',
  components: 'Components',
  deployment: 'Deployment requirements (seed 002; asked with --advise, recorded in docs/adr/)',
};

const WIDTH = 30;

/** The grouped --help, generated from the option schema. */
export function helpText(version: string, color: ChalkInstance): string {
  const schema: readonly OptionDef[] = optionSchema;
  const lines = [
    `create-ml-prod ${version}: scaffold a production-ready Python ML repository`,
    '',
    `${color.bold('Usage:')} create-ml-prod [directory] [options]`,
    '       create-ml-prod verify [directory]            run the project\'s install, lint, types, tests, build, validators',
    '       create-ml-prod update [directory] [--<answer> <value>] [--dry-run] [--allow-dirty]',
    '                                                    bring in this version\'s templates (three-way merge)',
    '       create-ml-prod add [component] [directory]   add a component (no component: list them)',
    '       create-ml-prod check [directory] [--json]    exit 5 when the project is behind this version',
    '       create-ml-prod adopt [directory] [--<answer> <value>]   take over a repository we did not generate',
    '       create-ml-prod advise [--volume ... --sla ...]    recommend a deployment strategy (seed 002)',
    '       create-ml-prod recover [directory]           undo a run that was killed (SIGKILL, crash, power cut)',
    '       create-ml-prod help [command]                this help, or one command\'s (also: <command> --help)',
    '',
    'In a terminal it asks for what the flags do not give; without one (or with CI set, or --yes)',
    'it takes the defaults. Every question below is also a flag and a key of the answers file.',
  ];
  for (const group of Object.keys(GROUP_TITLES) as GroupId[]) {
    const options = schema.filter((o) => o.group === group);
    if (options.length === 0) continue;
    lines.push('', color.bold(`${GROUP_TITLES[group]}:`));
    for (const option of options) lines.push(...optionLines(option));
  }
  lines.push('', color.bold('Run:'));
  for (const flag of runFlags) lines.push(row(flag.flags, flag.help));
  lines.push(
    '',
    color.bold('Examples:'),
    '  npx create-ml-prod my-project',
    '  npm create ml-prod@latest my-project -- --yes',
    '  npx create-ml-prod churn-model --yes --task classification --license Apache-2.0 \\',
    '      --python-version 3.11 --author "Data Team" --email data@example.com --no-git',
    '  npx create-ml-prod my-project --answers team.yaml --yes',
    '  npx create-ml-prod my-project --yes --dry-run',
    '  npx create-ml-prod my-project --answers team.json --yes --verify',
    '  npx create-ml-prod my-project --template ./acme-overlay --yes',
    '  npx create-ml-prod update my-project --dry-run',
    '',
    'Exit codes: 0 ok, 1 failure, 2 usage or validation error, 5 behind (check), 130 cancelled.',
  );
  return `${lines.join('\n')}\n`;
}

function optionLines(option: OptionDef): string[] {
  const flag = flagName(option.id);
  const name = option.kind === 'boolean' ? `--[no-]${flag}` : `--${flag} ${option.valueName ?? '<value>'}`;
  const out = [row(name, option.help)];
  if (option.kind === 'choice' || option.kind === 'multi') {
    const fallback = typeof option.default === 'function' ? undefined : option.default;
    const defaults = Array.isArray(fallback) ? fallback : [fallback];
    const choices = option.choices.map((c) => (defaults.includes(c.value) ? `${c.value} (default)` : c.value));
    out.push(row('', `${option.kind === 'multi' ? 'any of' : 'one of'}: ${choices.join(' | ')}`));
  } else if (typeof option.default === 'string' || typeof option.default === 'boolean') {
    out.push(row('', `default: ${String(option.default)}`));
  }
  return out;
}

function row(left: string, right: string): string {
  return left.length >= WIDTH - 2 ? `  ${left}\n  ${' '.repeat(WIDTH)}${right}` : `  ${left.padEnd(WIDTH)}${right}`;
}
