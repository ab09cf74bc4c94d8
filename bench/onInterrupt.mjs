// Ctrl-C (or SIGTERM) in the middle of a measure: stop the server and remove the temp dirs that
// are still there, then exit 130. `finally` blocks do not run when the process exits on a signal.

/** @type {Set<() => void>} */
const pending = new Set();

function interrupted() {
  // Last registered first: the server goes before the directory it runs in.
  for (const cleanup of [...pending].reverse()) {
    try {
      cleanup();
    } catch {
      // best effort: go on with the others
    }
  }
  process.exit(130);
}

/**
 * Registers a synchronous cleanup to run if the bench is interrupted; returns its unregistration.
 * @param {() => void} cleanup
 * @returns {() => void}
 */
export function onInterrupt(cleanup) {
  if (pending.size === 0) {
    process.on('SIGINT', interrupted);
    process.on('SIGTERM', interrupted);
  }
  pending.add(cleanup);
  return () => {
    pending.delete(cleanup);
    if (pending.size === 0) {
      process.off('SIGINT', interrupted);
      process.off('SIGTERM', interrupted);
    }
  };
}
