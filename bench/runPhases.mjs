/** @import { Phase, PhaseResult } from './types.js' */
import { timeCommand } from './timeCommand.mjs';

/**
 * Runs phases in order, each timed. A failed phase is recorded and the run goes on (the templates
 * change under the bench), except that nothing can run after a failed required phase.
 * @param {readonly Phase[]} phases
 * @param {Record<string, string>} env
 * @param {(line: string) => void} [log]
 * @returns {PhaseResult[]}
 */
export function runPhases(phases, env, log = () => {}) {
  /** @type {PhaseResult[]} */
  const results = [];
  let blockedBy = '';
  for (const phase of phases) {
    if (blockedBy) {
      results.push({ name: phase.name, ms: Number.NaN, status: 'skipped', output: `skipped: ${blockedBy} failed` });
      continue;
    }
    const run = timeCommand(phase.file, phase.args, { cwd: phase.cwd, env: phase.env ? { ...env, ...phase.env } : env, timeoutMs: phase.timeoutMs });
    results.push({ name: phase.name, ms: run.ms, status: run.ok ? 'ok' : 'failed', output: run.output });
    log(`    ${phase.name}: ${run.ok ? 'ok' : 'FAILED'} (${(run.ms / 1000).toFixed(2)} s)`);
    if (!run.ok && phase.required) blockedBy = phase.name;
  }
  return results;
}
