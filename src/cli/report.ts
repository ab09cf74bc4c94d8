import path from 'node:path';
import type { CreateProjectResult } from '../createProject.js';
import type { Output } from '../ui/output.js';
import { terminalSafe } from '../options/names.js';
import { lockFiles } from '../steps/environmentSteps.js';

/** --dry-run: every path with its action and size, then totals. */
export function printPlan(out: Output, result: CreateProjectResult): void {
  out.line(`Plan for ${result.root} (dry run, nothing written):`);
  for (const { file, action } of result.actions) {
    out.line(`  ${action.padEnd(9)} ${formatSize(file.content.length).padStart(8)}  ${file.path}`);
  }
  const count = (a: string) => result.actions.filter((x) => x.action === a).length;
  out.line(`${count('create')} to create, ${count('overwrite')} to overwrite, ${count('skip')} to skip`);
}

function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`;
}

export function printNextSteps(out: Output, result: CreateProjectResult, cwd: string): void {
  const rel = terminalSafe(path.relative(cwd, result.root));
  const cd = rel === '' ? [] : [`cd ${rel.includes(' ') ? JSON.stringify(rel) : rel}`];
  // The lock is the project's to commit: the initial commit has it when --install wrote it.
  const lock = lockFiles(result.plan.answers.depsManager).join(' ');
  const lockStep = result.installed && result.git === 'initialised'
    ? `make lock           # after a dependency change: refresh ${lock}, then commit it`
    : `${`git add ${lock}`.padEnd(19)} # commit the lock${result.installed ? '' : ' make install wrote'}; make lock refreshes it`;
  const install = result.installed
    ? ['source .venv/bin/activate', lockStep]
    : ['make install        # .venv from the lock; writes the lock when missing', lockStep];
  const steps = [
    ...cd,
    './install.sh        # system packages the options need (apt); --dry-run only lists them',
    ...install,
    `make test           # unit and integration tests; make lint${result.plan.answers.typeCheck ? ' and make typecheck' : ''} too`,
    `make train          # process the sample data and train; then make predict${result.plan.answers.service ? ', make serve' : ''}`,
  ];
  out.line();
  out.line(out.color.bold('Next steps:'));
  for (const step of steps) out.line(`  ${step}`);
  out.line();
  out.line('Read README.md for the layout and CONTRIBUTING.md for the team workflow.');
}
