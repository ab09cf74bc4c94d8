import type { CommandName } from './parseArgs.js';

/** `create-ml-prod <command> --help` (or `help <command>`): each command's own usage. */
const HELP: Record<CommandName, string> = {
  verify: `Usage: create-ml-prod verify [directory]

Runs a generated project's own checks in a fresh .venv: install, lint, format, types, tests with
coverage, the wheel, and the validators of its Dockerfiles, CI files and manifests.
Exit 0 when everything passed, 1 when a check failed.`,
  check: `Usage: create-ml-prod check [directory] [--json]

Is the project behind this version of create-ml-prod (same answers, new output)? Lists the files
that would change and the generated files you have edited. Files under the record's
ownership.skip globs are left out.

Options:
  --json      print {"recorded", "current", "behind", "files", "edited", "newOptions",
              "migrations"} on stdout (errors stay one line on stderr)
  --no-color  plain output
Exit 0 when up to date, 5 when behind, 1 when the check failed, 2 when the record is unusable
or from a newer version.`,
  adopt: `Usage: create-ml-prod adopt [directory] [--<answer> <value>...] [--answers <file>] [--yes]

Takes over a repository that create-ml-prod did not generate, so that check, update and add
work on it. Answers the questions (asked in a terminal; or flags, --answers, --yes for the
defaults), then writes only .create-ml-prod.json: files identical to what those answers generate
are recorded as generated; files that differ are yours (listed in ownership.skip: never
updated); files the repository lacks are added by the next update. The work tree must be a
clean git checkout.
Exit 0 when adopted, 2 on bad input, a dirty tree, or a project that already has a record.`,
  update: `Usage: create-ml-prod update [directory] [--<answer> <value>...] [options]

Three-way update to this version, or to changed answers (any question's flag, e.g. --ci gitlab):
files you never touched follow the template, your edits are merged, overlapping edits get
conflict markers, and nothing of yours is lost. One update at a time per project.
A package rename (--package-name) moves your files with the package, and folders that removed
files leave empty go. Records from older versions are migrated (renamed or removed options);
options new in this version take their defaults and are listed with the flag that sets them.
The record's "ownership": {"skip": [globs], "always": [globs]} keeps skip files as they are and
replaces always files with the template's, edited or not; a glob that matches nothing stops
the update (nothing changed).

Options:
  --dry-run                 print the diff; write nothing
  --allow-dirty             run on a work tree with uncommitted changes (or outside git)
  --previous <package-dir>  an unpacked create-ml-prod package of the recorded version, used as
                            the merge base instead of fetching create-ml-prod@<version> (offline)
  --no-color                plain output
Exit 0 when applied, 1 when conflicts remain or a step failed, 2 on bad input.`,
  add: `Usage: create-ml-prod add [component] [directory] [options]

Adds a component to a generated project (an update with one answer changed). Without a
component, lists what this project can add.

Options: --dry-run, --allow-dirty, --previous <package-dir>, --no-color (as for update).`,
  advise: `Usage: create-ml-prod advise [--<requirement> <value>...] [--yes]

Recommends deployment strategies (seed 002) from the requirement questions: volume, latency,
freshness, serving, stakeholders. Asks in a terminal for what the flags do not give.`,
  recover: `Usage: create-ml-prod recover [directory]

A run that was killed (SIGKILL, a crash, a power cut) leaves its write-ahead journal in
.create-ml-prod.journal/. recover replays it: every file the run created goes, every file it
replaced or deleted comes back, so the project is as it was before that run. The next create,
update or add in the same folder does the same on its own.
Exit 0 when there was nothing to do or all was undone, 1 when something could not be undone.`,
};

export function commandHelp(command: CommandName): string {
  return `${HELP[command]}\n`;
}
