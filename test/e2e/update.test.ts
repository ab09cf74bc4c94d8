/**
 * After day one: update (three-way merge), check, add, and team overlays, as scripted scenarios
 * on real generated projects, asserting file contents and exit codes.
 */
import { execa } from 'execa';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, repoRoot, runCli, tempDir } from '../helpers/cli.js';
import { simulatedRelease } from '../helpers/releases.js';

const git = (cwd: string, ...args: string[]) => execa('git', args, { cwd, env: cleanEnv(), extendEnv: false });
const read = (...p: string[]) => readFileSync(path.join(...p), 'utf8');

/** A "previous release" whose templates differ from today's in known places, so updating has work to do. */
function previousRelease(): string {
  // Each of these lines is what the old templates said; today's templates say something else.
  return simulatedRelease('0.0.1-prev', [
    { file: 'base/CONTRIBUTING.md.hbs', from: /\n/, to: '\nOld onboarding line that the new templates no longer have.\n' },
    { file: 'base/README.md.hbs', from: /\n\{\{description\}\}\n/, to: '\n{{description}}\nOLD TAGLINE\n' },
    { file: 'jobs/jobs/inference/README.md.hbs', from: /\n/, to: '\nOld inference note.\n' },
  ]);
}

describe('update, check and add', () => {
  let prev: string;
  beforeAll(() => {
    prev = previousRelease();
  });

  async function generateWithPrevious(cwd: string, name: string) {
    const result = await execa(process.execPath, [path.join(prev, 'bin', 'create-ml-prod.js'), name, '--yes'], { cwd, env: cleanEnv(), extendEnv: false, stdin: 'ignore', reject: false });
    expect(result.exitCode, result.stderr).toBe(0);
    return path.join(cwd, name);
  }

  it('merges, conflicts, keeps untouched and deleted files, and never loses a user byte', async () => {
    const root = await generateWithPrevious(tempDir(), 'upd');
    expect(JSON.parse(read(root, '.create-ml-prod.json')).version).toBe('0.0.1-prev');

    // The team's edits: one without overlap, one overlapping, one the template leaves alone, one deletion.
    const contributing = read(root, 'CONTRIBUTING.md');
    writeFileSync(path.join(root, 'CONTRIBUTING.md'), `${contributing}\nTeam note: pair on every model change.\n`);
    const readme = read(root, 'README.md');
    writeFileSync(path.join(root, 'README.md'), readme.replace('OLD TAGLINE', 'OUR OWN TAGLINE'));
    const staging = read(root, 'configs', 'staging.yaml');
    writeFileSync(path.join(root, 'configs', 'staging.yaml'), `${staging}# team: staging is shared with the fraud team\n`);
    unlinkSync(path.join(root, 'jobs', 'inference', 'README.md'));
    await git(root, 'commit', '-qam', 'team edits');

    const dry = await runCli(['update', 'upd', '--previous', prev, '--dry-run'], { cwd: path.dirname(root) });
    expect(dry.exitCode, dry.stderr).toBe(1);
    expect(dry.stdout).toMatch(/^--- a\/CONTRIBUTING\.md/m);
    expect((await git(root, 'status', '--porcelain')).stdout).toBe('');

    const result = await runCli(['update', 'upd', '--previous', prev], { cwd: path.dirname(root) });
    expect(result.exitCode, result.stdout + result.stderr).toBe(1);
    // 1. a clean merge: the template's change and the team's note are both there
    const merged = read(root, 'CONTRIBUTING.md');
    expect(merged).not.toContain('Old onboarding line');
    expect(merged).toContain('Team note: pair on every model change.');
    // 2. conflict markers for the overlapping edit, listed, exit 1
    const conflicted = read(root, 'README.md');
    expect(conflicted).toMatch(/<<<<<<< yours\nOUR OWN TAGLINE\n\|\|\|\|\|\|\| create-ml-prod 0\.0\.1-prev\nOLD TAGLINE\n=======\n/);
    expect(result.stdout).toMatch(/CONFLICT\s+README\.md/);
    // 3. the untouched user file
    expect(read(root, 'configs', 'staging.yaml')).toBe(`${staging}# team: staging is shared with the fraud team\n`);
    // 4. the deleted file stays deleted
    expect(existsSync(path.join(root, 'jobs', 'inference', 'README.md'))).toBe(false);
    // The record now names this version.
    const pkg = JSON.parse(read(repoRoot, 'package.json'));
    expect(JSON.parse(read(root, '.create-ml-prod.json')).version).toBe(pkg.version);
  });

  it('refuses a dirty work tree unless --allow-dirty', async () => {
    const root = await generateWithPrevious(tempDir(), 'dirty');
    writeFileSync(path.join(root, 'scratch.txt'), 'wip');
    const refused = await runCli(['update', '--previous', prev], { cwd: root });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/uncommitted changes.*--allow-dirty/);
    const allowed = await runCli(['update', '--previous', prev, '--allow-dirty'], { cwd: root });
    expect(allowed.exitCode, allowed.stderr).toBe(0);
    expect(read(root, 'scratch.txt')).toBe('wip');
  });

  it('check exits 0 right after generation and 5 when the templates changed', async () => {
    const cwd = tempDir();
    expect((await runCli(['fresh', '--yes'], { cwd })).exitCode).toBe(0);
    const fresh = await runCli(['check', 'fresh'], { cwd });
    expect(fresh.exitCode, fresh.stdout + fresh.stderr).toBe(0);
    const old = await generateWithPrevious(cwd, 'stale');
    const stale = await runCli(['check', path.basename(old)], { cwd });
    expect(stale.exitCode).toBe(5);
    expect(stale.stderr).toMatch(/Behind create-ml-prod .*README\.md/);
  });

  it('update with changed answers replaces what the answer decides, keeping edits', async () => {
    const cwd = tempDir();
    expect((await runCli(['retask', '--yes'], { cwd })).exitCode).toBe(0);
    const root = path.join(cwd, 'retask');
    const result = await runCli(['update', '--task', 'regression'], { cwd: root });
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(existsSync(path.join(root, 'notebooks', 'dummy_data', 'regression.csv'))).toBe(true);
    expect(existsSync(path.join(root, 'notebooks', 'dummy_data', 'classification.csv'))).toBe(false);
    expect(read(root, 'configs', 'base.yaml')).toMatch(/^task: regression/m);
    expect(JSON.parse(read(root, '.create-ml-prod.json')).answers.task).toBe('regression');
  });

  it('leaves the lock alone and says to run make lock when the dependencies change', async () => {
    const cwd = tempDir();
    expect((await runCli(['relock', '--yes'], { cwd })).exitCode).toBe(0);
    const root = path.join(cwd, 'relock');
    // The user's lock (its content is theirs: update never reads, merges or rewrites it).
    const lock = '# the team\'s uv.lock\nversion = 1\n';
    writeFileSync(path.join(root, 'uv.lock'), lock);
    await git(root, 'add', 'uv.lock');
    await git(root, 'commit', '-qm', 'lock');
    const retask = await runCli(['update', '--task', 'regression'], { cwd: root });
    expect(retask.exitCode, retask.stdout + retask.stderr).toBe(0);
    expect(retask.stderr).not.toMatch(/make lock/);
    await git(root, 'add', '--all');
    await git(root, 'commit', '-qm', 'regression');
    const tracked = await runCli(['update', '--tracker', 'mlflow'], { cwd: root });
    expect(tracked.exitCode, tracked.stdout + tracked.stderr).toBe(0);
    expect(read(root, 'pyproject.toml')).toMatch(/"mlflow-skinny>=/);
    expect(tracked.stderr).toMatch(/changed the dependencies; your lock is left as it is: run make lock/);
    expect(tracked.stdout).not.toMatch(/uv\.lock/);
    expect(read(root, 'uv.lock')).toBe(lock);
  });

  it('update --ci gitlab replaces the GitHub workflows, keeping (and listing) an edited one', async () => {
    const cwd = tempDir();
    expect((await runCli(['moving', '--yes'], { cwd })).exitCode).toBe(0);
    const root = path.join(cwd, 'moving');
    const edited = path.join(root, '.github', 'workflows', 'deploy.yml');
    writeFileSync(edited, `${read(edited)}# team: production deploys need two approvals\n`);
    await git(root, 'commit', '-qam', 'team edit');
    const result = await runCli(['update', '--ci', 'gitlab'], { cwd: root });
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(existsSync(path.join(root, '.gitlab-ci.yml'))).toBe(true);
    expect(existsSync(path.join(root, '.github', 'workflows', 'ci.yml'))).toBe(false);
    expect(read(edited)).toContain('# team: production deploys need two approvals');
    expect(result.stderr).toMatch(/no longer generated but edited, so kept: \.github\/workflows\/deploy\.yml/);
  });

  it('add without arguments lists what can be added', async () => {
    const cwd = tempDir();
    expect((await runCli(['addable', '--yes'], { cwd })).exitCode).toBe(0);
    const unknown = await runCli(['add', 'quantum-annealer', 'addable'], { cwd });
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toMatch(/"quantum-annealer" is not something this project can add/);
    const bare = await runCli(['add'], { cwd: path.join(cwd, 'addable') });
    expect(bare.exitCode, bare.stderr).toBe(0);
    expect(bare.stdout).toMatch(/can add|already in/);
  });
});

describe('team overlays', () => {
  const overlay = path.join(repoRoot, 'test', 'fixtures', 'team-overlay');

  it('adds an option and replaces a file, records itself, and survives update', async () => {
    const cwd = tempDir();
    const result = await runCli(['acme-churn', '--yes', '--template', overlay, '--cost-center', 'ml-042'], { cwd });
    expect(result.exitCode, result.stderr).toBe(0);
    const root = path.join(cwd, 'acme-churn');
    expect(read(root, 'README.md')).toContain('Cost centre: `ml-042`');
    expect(read(root, 'docs', 'acme.md')).toContain('`ml-042`');
    const record = JSON.parse(read(root, '.create-ml-prod.json'));
    expect(record.answers.costCenter).toBe('ml-042');
    expect(record.template.name).toBe('acme-ml');
    const check = await runCli(['check'], { cwd: root });
    expect(check.exitCode, check.stdout + check.stderr).toBe(0);
    const update = await runCli(['update'], { cwd: root });
    expect(update.exitCode, update.stdout + update.stderr).toBe(0);
    expect(read(root, 'README.md')).toContain('Cost centre: `ml-042`');
  });

  it('lists its options in --help when given, and validates them', async () => {
    const cwd = tempDir();
    const bad = await runCli(['x', '--yes', '--template', overlay, '--cost-center', 'two\nlines'], { cwd });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/--cost-center: the costCenter must be a single line/);
  });

  it('is refused before anything is written when it would write outside the project', async () => {
    const cwd = tempDir();
    const hostile = path.join(cwd, 'hostile');
    cpSync(overlay, hostile, { recursive: true });
    mkdirSync(path.join(hostile, 'files', '{{costCenter}}'), { recursive: true });
    writeFileSync(path.join(hostile, 'files', '{{costCenter}}', 'outside.txt'), 'escape');
    const result = await runCli(['victim', '--yes', '--template', hostile, '--cost-center', '..'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/outside the project/);
    expect(existsSync(path.join(cwd, 'victim'))).toBe(false);
    expect(existsSync(path.join(cwd, 'outside.txt'))).toBe(false);
  });

  it('refuses symbolic links and a broken manifest with a clear error', async () => {
    const cwd = tempDir();
    const linked = path.join(cwd, 'linked');
    cpSync(overlay, linked, { recursive: true });
    symlinkSync('/etc/passwd', path.join(linked, 'files', 'passwd'));
    const link = await runCli(['l1', '--yes', '--template', linked], { cwd });
    expect(link.exitCode).toBe(2);
    expect(link.stderr).toMatch(/symbolic link/);
    const broken = path.join(cwd, 'broken');
    cpSync(overlay, broken, { recursive: true });
    writeFileSync(path.join(broken, 'create-ml-prod.template.json'), '{"name": "x", "version": "1", "options": [{"id": "task"}]}');
    const clash = await runCli(['l2', '--yes', '--template', broken], { cwd });
    expect(clash.exitCode).toBe(2);
    expect(clash.stderr).toMatch(/options\[0\]\.id "task" is already an option/);
    rmSync(cwd, { recursive: true, force: true });
  });
});
