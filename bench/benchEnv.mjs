// The environment handed to every measured command: the user's, less what would change the
// behaviour under test (CI mode, colour forcing, an active virtualenv, npm's run-script variables).
const DROPPED = new Set(['CI', 'NO_COLOR', 'FORCE_COLOR', 'GITHUB_ACTIONS', 'VIRTUAL_ENV', 'PYTHONPATH', 'PYTHONHOME', 'CONDA_PREFIX', 'INIT_CWD']);

/**
 * @param {Record<string, string>} [extra]
 * @returns {Record<string, string>}
 */
export function benchEnv(extra = {}) {
  /** @type {Record<string, string>} */
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || DROPPED.has(key) || key.startsWith('npm_')) continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}
