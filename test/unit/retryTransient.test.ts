import { describe, expect, it } from 'vitest';
import { retryTransient, TRANSIENT_INDEX_ERROR } from '../../src/verify/retryTransient.js';

/** Attempts that answer in turn with the given outputs ('' = success). */
function script(outputs: string[]) {
  let runs = 0;
  const attempt = async () => {
    const output = outputs[Math.min(runs, outputs.length - 1)] ?? '';
    runs += 1;
    return { failed: output !== '', output };
  };
  return { attempt, runs: () => runs };
}

const noSleep = async () => {};
// The failure that made the CI run of 2026-12-04 red: uv had pinned it, pip's listing lacked it.
const pipMissing = 'ERROR: Could not find a version that satisfies the requirement coverage==7.18.0 (from versions: 7.17.5)\nERROR: No matching distribution found for coverage==7.18.0';

describe('retryTransient', () => {
  it('runs a passing step once', async () => {
    const s = script(['']);
    const { result, attempts } = await retryTransient(s.attempt, [0, 0], noSleep);
    expect([result.failed, attempts, s.runs()]).toEqual([false, 1, 1]);
  });

  it('runs an install again when the index did not list a pinned version, and reports the first error', async () => {
    const s = script([pipMissing, '']);
    const { result, attempts, firstError } = await retryTransient(s.attempt, [0, 0], noSleep);
    expect([result.failed, attempts]).toEqual([false, 2]);
    expect(firstError).toContain('coverage==7.18.0');
  });

  it('still fails when every attempt meets the error', async () => {
    const s = script([pipMissing]);
    const { result, attempts } = await retryTransient(s.attempt, [0, 0], noSleep);
    expect([result.failed, attempts, s.runs()]).toEqual([true, 3, 3]);
  });

  it('does not run a deterministic failure again', async () => {
    const s = script(['ERROR: In --require-hashes mode, all requirements must have their versions pinned with ==']);
    const { result, attempts } = await retryTransient(s.attempt, [0, 0], noSleep);
    expect([result.failed, attempts, s.runs()]).toEqual([true, 1, 1]);
  });

  it('waits the given delays between runs', async () => {
    const waited: number[] = [];
    const s = script([pipMissing, pipMissing, '']);
    await retryTransient(s.attempt, [5, 7], async (ms) => void waited.push(ms));
    expect(waited).toEqual([5, 7]);
  });

  it('knows the network errors of pip, uv and Poetry', () => {
    for (const line of [
      "WARNING: Retrying (Retry(total=4)) after connection broken by 'ReadTimeoutError(\"HTTPSConnectionPool(host='pypi.org', port=443): Read timed out.\")'",
      'error: Failed to fetch: `https://pypi.org/simple/numpy/`',
      'HTTP status 503 from https://pypi.org/simple/pandas/',
      'ConnectionError: Connection reset by peer',
    ]) expect(TRANSIENT_INDEX_ERROR.test(line), line).toBe(true);
    expect(TRANSIENT_INDEX_ERROR.test('error: No `project` table found in: pyproject.toml')).toBe(false);
  });
});
