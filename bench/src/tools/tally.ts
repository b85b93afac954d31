import type { NotificationService } from '@acme/notifications';

/** Counts arrivals; `reach` resolves the moment a count is reached, with no polling. */
export class Tally {
  count = 0;
  /** performance.now() of the latest arrival. */
  lastAt = 0;
  private waiter: { target: number; resolve: (reached: boolean) => void } | null = null;

  add(): void {
    this.count += 1;
    this.lastAt = performance.now();
    if (this.waiter && this.count >= this.waiter.target) this.waiter.resolve(true);
  }

  reset(): void {
    this.count = 0;
  }

  /** true once `target` arrivals are counted, false if `timeoutMs` passes first. */
  reach(target: number, timeoutMs: number): Promise<boolean> {
    if (this.count >= target) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        resolve(false);
      }, timeoutMs);
      this.waiter = {
        target,
        resolve: (reached) => {
          clearTimeout(timer);
          this.waiter = null;
          resolve(reached);
        },
      };
    });
  }
}

/**
 * Reads a user's events, counting created notifications into `tally`. `ready` resolves at
 * the first event: the initial sync.reset, which the store sends once the live subscription
 * is confirmed, so nothing created after `ready` can be missed.
 */
export function listen(
  notifications: Pick<NotificationService, 'events'>,
  userId: string,
  signal: AbortSignal,
  tally: Tally,
) {
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const done = (async () => {
    try {
      for await (const { event } of notifications.events(userId, { signal })) {
        markReady();
        if (event.kind === 'notification.created') tally.add();
      }
    } catch (err) {
      if (!signal.aborted) throw err;
    }
  })();
  return { ready, done };
}
