/**
 * Polls a URL until it answers 2xx, the deadline passes, or `gaveUp()` says to stop (the server
 * exited): no fixed sleep, and no hang on a server that never comes up.
 * @param {string} url
 * @param {{ timeoutMs: number, gaveUp: () => string | undefined }} options
 * @returns {Promise<void>}
 */
export async function waitForHttp(url, { timeoutMs, gaveUp }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reason = gaveUp();
    if (reason) throw new Error(reason);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
