const POLL_MS = 50;

/**
 * Calls `check` every 50 ms until it returns true. Anything else it returns (or throws) is the
 * state so far, quoted in the timeout error.
 */
export async function pollUntil(
  what: string,
  timeoutMs: number,
  check: () => Promise<true | string>,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let state: string;
    try {
      const result = await check();
      if (result === true) return;
      state = result;
    } catch (err) {
      state = err instanceof Error ? err.message : String(err);
    }
    if (Date.now() >= deadline)
      throw new Error(`${what}: not reached in ${timeoutMs} ms; last state: ${state}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}
