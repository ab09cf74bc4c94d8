import { execa } from 'execa';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { freeDisk } from './verifyCombination.js';
import { ACTIONLINT_MODULE, GITLAB_CI_LOCAL, pipInstall, smokeRoot, TOOLS, toolsBin } from './tools.js';

/** Installs the validators into .smoke/tools once; pip's cache makes later runs quick. */
export default async function setup(): Promise<void> {
  mkdirSync(smokeRoot, { recursive: true });
  // In the log first: a full disk fails every install a few seconds in.
  console.log(`== smoke tests: ${freeDisk(smokeRoot)} free under ${smokeRoot}`);
  await pipInstall(TOOLS, true);
  if (!existsSync(path.join(toolsBin, 'actionlint'))) {
    await execa('go', ['install', ACTIONLINT_MODULE], {
      stdio: 'inherit',
      env: { GOBIN: toolsBin, GOFLAGS: '-mod=mod', CGO_ENABLED: '0' },
    });
  }
  const gitlabCiLocal = path.join(toolsBin, 'gitlab-ci-local');
  if (!existsSync(gitlabCiLocal)) {
    const prefix = path.join(smokeRoot, 'npm');
    await execa('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel=error', GITLAB_CI_LOCAL], { stdio: 'inherit' });
    rmSync(gitlabCiLocal, { force: true }); // a dangling link from a removed .smoke/npm
    symlinkSync(path.join(prefix, 'node_modules', '.bin', 'gitlab-ci-local'), gitlabCiLocal);
  }
}
