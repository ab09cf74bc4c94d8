/**
 * What a package index (or the proxy in front of it) answers differently a moment later: a pinned
 * version missing from one listing while the next one has it, a dropped or refused connection, a
 * 5xx. Seen here: `uv pip compile` pinned coverage 7.18.0 and, seconds later, pip's listing of the
 * same index stopped at 7.17.5. A deterministic failure fails every attempt, so it still fails.
 */
export const TRANSIENT_INDEX_ERROR =
  /No matching distribution found|Could not find a version that satisfies|timed out|Connection (?:reset|refused|aborted)|Temporary failure in name resolution|HTTP (?:error|status) 5\d\d|status code:? 5\d\d|error sending request|Failed to (?:fetch|download)/i;

/** Pauses before the second and the third attempt: long enough for a proxy's listing to settle. */
export const RETRY_DELAYS_MS: readonly number[] = [20_000, 60_000];

export interface Attempt {
  readonly failed: boolean;
  readonly output: string;
}

/**
 * Runs `attempt` and runs it again, after each delay, while it fails with output that names a
 * transient index error. Returns the last attempt and how many runs it took.
 */
export async function retryTransient<T extends Attempt>(
  attempt: () => Promise<T>,
  delays: readonly number[] = RETRY_DELAYS_MS,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<{ result: T; attempts: number; firstError?: string }> {
  let result = await attempt();
  let attempts = 1;
  let firstError: string | undefined;
  for (const delay of delays) {
    if (!result.failed) break;
    const match = TRANSIENT_INDEX_ERROR.exec(result.output);
    if (!match) break;
    firstError ??= lineAround(result.output, match.index);
    await sleep(delay);
    result = await attempt();
    attempts += 1;
  }
  return firstError === undefined ? { result, attempts } : { result, attempts, firstError };
}

function lineAround(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index);
  return text.slice(start, end === -1 ? undefined : end).trim();
}
