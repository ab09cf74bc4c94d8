import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

/** First line of a command's output, or `-` when it cannot run. */
function version(/** @type {string} */ file, /** @type {string[]} */ args) {
  const result = spawnSync(file, args, { encoding: 'utf8', timeout: 30_000 });
  return result.status === 0 ? `${result.stdout}${result.stderr}`.trim().split('\n')[0] ?? '-' : '-';
}

/** The OS name from /etc/os-release where there is one (Linux), else os.type(). */
function osName() {
  try {
    const match = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'));
    if (match?.[1]) return `${match[1]} (${os.type()} ${os.release()})`;
  } catch {
    // not Linux
  }
  return `${os.type()} ${os.release()}`;
}

/**
 * What the figures were measured on, as rows of a two-column table.
 * @param {{ uv?: string, ccds?: string }} tools versions from the bench venv, when it was set up
 * @returns {[string, string][]}
 */
export function describeMachine(tools = {}) {
  const cpus = os.cpus();
  return [
    ['CPU', `${cpus[0]?.model ?? 'unknown'}`],
    ['cores', String(os.availableParallelism())],
    ['memory', `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`],
    // Other work on the machine moves absolute times; the interleaved ratios much less.
    ['OS', osName()],
    ['node', process.version],
    ['npm', version('npm', ['--version'])],
    ['python', version('python3', ['--version'])],
    ...(tools.uv ? [/** @type {[string, string]} */ (['uv', tools.uv])] : []),
    ...(tools.ccds ? [/** @type {[string, string]} */ (['cookiecutter-data-science', tools.ccds])] : []),
    // Other work on the machine moves absolute times; the interleaved ratios much less.
    ['load average at start (1, 5, 15 min)', os.loadavg().map((l) => l.toFixed(2)).join(', ')],
  ];
}
