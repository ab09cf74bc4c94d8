/**
 * The template-sync job of every generated CI, executed: a project with a real git history goes
 * through simulated create-ml-prod releases (local packages standing for the registry), and the
 * job's own steps run in a fresh clone up to the pull/merge request, a recorded call of a fake
 * gh/glab/az. Then the request's checks (the conflict-marker step of the project's CI) fail, the
 * conflict is resolved, and they pass.
 */
import { execa } from 'execa';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, repoRoot, tempDir } from '../helpers/cli.js';
import { packageCache, simulatedRelease } from '../helpers/releases.js';
import { runSyncJob, type Provider } from '../helpers/syncJob.js';

const git = (cwd: string, ...args: string[]) => execa('git', args, { cwd, env: cleanEnv(), extendEnv: false });
const current = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version as string;

// Release 0.0.1 says OLD TAGLINE under the description and an onboarding line CONTRIBUTING.md
// no longer has; 0.0.2 says MIDDLE TAGLINE; this build says neither.
const releases = () => ({
  first: simulatedRelease('0.0.1', [
    { file: 'base/README.md.hbs', from: /\n\{\{description\}\}\n/, to: '\n{{description}}\nOLD TAGLINE\n' },
    { file: 'base/CONTRIBUTING.md.hbs', from: /\n/, to: '\nOld onboarding line.\n' },
  ]),
  second: simulatedRelease('0.0.2', [{ file: 'base/README.md.hbs', from: /\n\{\{description\}\}\n/, to: '\n{{description}}\nMIDDLE TAGLINE\n' }]),
});

/** A project made by `release`, pushed to a bare origin, with the team's edits on main. */
async function teamProject(release: string, provider: Provider) {
  const cwd = tempDir('cmp-hist-');
  const made = await execa(process.execPath, [path.join(release, 'bin', 'create-ml-prod.js'), 'churn', '--yes', '--ci', provider], { cwd, env: cleanEnv(), extendEnv: false, stdin: 'ignore', reject: false });
  expect(made.exitCode, made.stderr).toBe(0);
  const project = path.join(cwd, 'churn');
  await git(project, 'branch', '-M', 'main');
  const origin = path.join(cwd, 'origin.git');
  await git(cwd, 'clone', '--quiet', '--bare', project, origin);
  const team = path.join(cwd, 'team');
  await git(cwd, 'clone', '--quiet', origin, team);
  // The team's edits: the tagline line the templates also change, and a note that merges cleanly.
  const readme = path.join(team, 'README.md');
  writeFileSync(readme, readFileSync(readme, 'utf8').replace('OLD TAGLINE', 'OUR TAGLINE'));
  writeFileSync(path.join(team, 'CONTRIBUTING.md'), `${readFileSync(path.join(team, 'CONTRIBUTING.md'), 'utf8')}\nTeam note: pair on every model change.\n`);
  await git(team, 'commit', '--quiet', '-am', 'team edits');
  await git(team, 'push', '--quiet', 'origin', 'main');
  return { origin, team };
}

/** The conflict-marker step of the project's main CI file, run in a checkout of `branch`. */
async function markerCheck(origin: string, branch: string, provider: Provider) {
  const dir = path.join(tempDir('cmp-pr-'), 'pr');
  await git(path.dirname(dir), 'clone', '--quiet', '--branch', branch, origin, dir);
  const ciFile = { github: '.github/workflows/ci.yml', gitlab: '.gitlab-ci.yml', azure: 'azure-pipelines.yml' }[provider];
  const commands: string[] = [];
  const find = (node: unknown): void => {
    if (typeof node === 'string' && node.includes('conflict_markers.sh')) commands.push(node);
    else if (node && typeof node === 'object') Object.values(node).forEach(find);
  };
  find(parse(readFileSync(path.join(dir, ciFile), 'utf8')));
  expect(commands).toEqual(['bash scripts/conflict_markers.sh']);
  return execa('bash', ['-e', '-c', commands[0]!], { cwd: dir, env: cleanEnv(), extendEnv: false, reject: false, all: true });
}

describe('template sync, through releases', () => {
  let first: string;
  let second: string;
  beforeAll(() => {
    ({ first, second } = releases());
  });

  it('GitHub: check, sync PR with the conflict listed, red checks, resolution, green; then the next release merges cleanly', async () => {
    const { origin, team } = await teamProject(first, 'github');
    const cacheHome = packageCache([first, second]);

    // Release 0.0.2 is out: the weekly job opens a pull request.
    const sync = await runSyncJob({ origin, branch: 'main', provider: 'github', latest: second, cacheHome });
    expect(sync.exitCode, sync.output).toBe(0);
    expect(sync.calls).toHaveLength(1);
    const [call] = sync.calls;
    expect(call!.tool).toBe('gh');
    expect(call!.argv.slice(0, 6)).toEqual(['pr', 'create', '--base', 'main', '--head', 'template-sync/create-ml-prod-0.0.2']);
    expect(call!.argv).toContain('Template sync: create-ml-prod 0.0.2');
    expect(call!.body).toMatch(/## Conflicts[\s\S]*- `README\.md`/);
    expect(call!.body).not.toMatch(/- `CONTRIBUTING\.md`/);
    expect(call!.body).toContain('this project was at 0.0.1');

    // The branch holds the update: the clean merge, and the conflict with its markers.
    const branch = 'template-sync/create-ml-prod-0.0.2';
    const red = await markerCheck(origin, branch, 'github');
    expect(red.exitCode, red.all).toBe(1);
    expect(red.all).toMatch(/Conflict markers remain[\s\S]*README\.md/);

    // Someone resolves it on the branch (takes the template's line, keeps theirs at the end) and pushes.
    await git(team, 'fetch', '--quiet', 'origin');
    await git(team, 'switch', '--quiet', branch);
    const readme = readFileSync(path.join(team, 'README.md'), 'utf8');
    expect(readme).toMatch(/<<<<<<< yours\nOUR TAGLINE\n\|\|\|\|\|\|\| create-ml-prod 0\.0\.1\nOLD TAGLINE\n=======\nMIDDLE TAGLINE\n>>>>>>> create-ml-prod 0\.0\.2\n/);
    const resolved = readme.replace(/<<<<<<< yours\n[\s\S]*?>>>>>>> create-ml-prod 0\.0\.2\n/, 'MIDDLE TAGLINE\n');
    writeFileSync(path.join(team, 'README.md'), `${resolved}\nOUR TAGLINE\n`);
    expect(readFileSync(path.join(team, 'CONTRIBUTING.md'), 'utf8')).toMatch(/^(?![\s\S]*Old onboarding line)[\s\S]*Team note: pair on every model change\./);
    await git(team, 'commit', '--quiet', '-am', 'Resolve the template-sync conflict');
    await git(team, 'push', '--quiet', 'origin', branch);
    const green = await markerCheck(origin, branch, 'github');
    expect(green.exitCode, green.all).toBe(0);

    // Until it is merged, the job does not open a second request for the same release.
    const again = await runSyncJob({ origin, branch: 'main', provider: 'github', latest: second, cacheHome });
    expect(again.exitCode, again.output).toBe(0);
    expect(again.output).toMatch(/exists already/);
    expect(again.calls).toEqual([]);

    // Merged: main is up to date with 0.0.2.
    await git(team, 'switch', '--quiet', 'main');
    await git(team, 'merge', '--quiet', '--no-ff', '-m', 'Merge the template sync', branch);
    await git(team, 'push', '--quiet', 'origin', 'main');
    const upToDate = await runSyncJob({ origin, branch: 'main', provider: 'github', latest: second, cacheHome });
    expect(upToDate.exitCode, upToDate.output).toBe(0);
    expect(upToDate.output).toMatch(/Up to date/);
    expect(upToDate.calls).toEqual([]);

    // This build is the next release: the team's resolution merges cleanly with it.
    const next = await runSyncJob({ origin, branch: 'main', provider: 'github', cacheHome });
    expect(next.exitCode, next.output).toBe(0);
    expect(next.calls).toHaveLength(1);
    expect(next.calls[0]!.argv).toContain(`template-sync/create-ml-prod-${current}`);
    expect(next.calls[0]!.body).toMatch(/No conflicts/);
    const nextChecks = await markerCheck(origin, `template-sync/create-ml-prod-${current}`, 'github');
    expect(nextChecks.exitCode, nextChecks.all).toBe(0);
    const finalReadme = (await git(origin, 'show', `template-sync/create-ml-prod-${current}:README.md`)).stdout;
    expect(finalReadme).not.toContain('MIDDLE TAGLINE');
    expect(finalReadme).toContain('OUR TAGLINE');
  });

  it.each(['gitlab', 'azure'] as const)('%s: the job opens the merge request with the conflict listed, and the checks fail on it', async (provider) => {
    const { origin } = await teamProject(first, provider);
    const sync = await runSyncJob({ origin, branch: 'main', provider, cacheHome: packageCache([first]) });
    expect(sync.exitCode, sync.output).toBe(0);
    expect(sync.calls).toHaveLength(1);
    const { tool, argv } = sync.calls[0]!;
    const branch = `template-sync/create-ml-prod-${current}`;
    if (provider === 'gitlab') {
      expect(tool).toBe('glab');
      expect(argv.slice(0, 6)).toEqual(['mr', 'create', '--source-branch', branch, '--target-branch', 'main']);
    } else {
      expect(tool).toBe('az');
      expect(argv.slice(0, 3)).toEqual(['repos', 'pr', 'create']);
      expect(argv.join(' ')).toContain(`--organization https://dev.azure.com/acme/ --project ml --repository churn --source-branch ${branch} --target-branch main`);
    }
    const description = argv[argv.indexOf('--description') + 1]!;
    expect(description).toMatch(/## Conflicts[\s\S]*- `README\.md`/);
    const red = await markerCheck(origin, branch, provider);
    expect(red.exitCode, red.all).toBe(1);
  });
});
