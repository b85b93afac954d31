/**
 * Leader election between tabs with the Web Locks API: the tab holding an exclusive lock
 * leads. The browser grants the lock to one waiting request at a time, in request order, and
 * releases it by itself when the holding tab closes, so the next tab takes over without any
 * heartbeat or timeout of ours.
 */
export interface LeaderLock {
  /** Gives up the lock, or the place in the queue; `onLead` is not called after this. */
  release(): void;
}

/** Waits for the lock named `name`; calls `onLead` once this tab holds it. */
export function requestLeadership(
  locks: LockManager,
  name: string,
  onLead: () => void,
): LeaderLock {
  const request = new AbortController();
  let released = false;
  let unlock: (() => void) | null = null;
  locks
    .request(name, { signal: request.signal }, () => {
      if (released) return undefined;
      onLead();
      // Held until release() (or until the tab closes: the browser then releases it itself).
      return new Promise<void>((resolve) => {
        unlock = resolve;
      });
    })
    .catch(() => {
      // Aborted by release() while still waiting for the lock.
    });
  return {
    release() {
      if (released) return;
      released = true;
      request.abort();
      unlock?.();
      unlock = null;
    },
  };
}
