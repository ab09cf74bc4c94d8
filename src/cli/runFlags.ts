/** The flags that steer a run rather than answer a question; shown in --help under "Run". */
export interface RunFlag {
  readonly flags: string;
  readonly help: string;
}

export const runFlags: readonly RunFlag[] = [
  { flags: '-y, --yes', help: 'use defaults for everything not given (implied without a terminal or with CI set)' },
  { flags: '--answers <file>', help: 'read answers from a JSON or YAML file (flags override it)' },
  { flags: '--template <dir>', help: 'layer a team overlay (create-ml-prod.template.json + files/) over the templates' },
  { flags: '--advise', help: 'help me choose: ask the deployment requirement questions and record the decision (docs/adr/)' },
  { flags: '--advanced', help: 'also ask the advanced questions (e.g. --year)' },
  { flags: '--force', help: 'generate into a non-empty directory; existing files follow --conflict' },
  { flags: '--conflict <policy>', help: 'skip | overwrite | abort for files that exist (default: ask in a terminal, abort otherwise)' },
  { flags: '--dry-run', help: 'print the plan (path, action, size) and write nothing' },
  { flags: '--no-git', help: 'skip git init and the initial commit (skipped anyway inside a git work tree)' },
  { flags: '--install', help: 'create .venv and install the project with its dev tools' },
  { flags: '--verify', help: 'after generating, run the project\'s own checks (same as create-ml-prod verify)' },
  { flags: '--no-color', help: 'plain output (NO_COLOR and FORCE_COLOR are honoured too)' },
  { flags: '-v, --version', help: 'print the version' },
  { flags: '-h, --help', help: 'print this help' },
];
