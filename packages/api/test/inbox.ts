import { streamEventSchema, type Notification, type User } from '@acme/contracts';
import type { Harness } from './harness';

export interface Inbox {
  /** Notifications that arrived as `notification.created` events, in stream order. */
  readonly received: Notification[];
  /** The first received notification matching, waiting for it to arrive if need be. */
  waitFor(match: (n: Notification) => boolean, timeoutMs?: number): Promise<Notification>;
  close(): Promise<void>;
}

/**
 * An open `notifications.onEvent` subscription of one user, through the router. It resumes
 * from '0-0', the start of the user's stream, so nothing is missed however late the
 * subscription lands; tests use fresh users, whose streams hold only their own events.
 */
export async function openInbox(h: Harness, user: User): Promise<Inbox> {
  const controller = new AbortController();
  const events = await h.as(user, controller.signal).notifications.onEvent({ lastEventId: '0-0' });
  const received: Notification[] = [];
  const waiters = new Set<() => void>();
  let failure: Error | null = null;
  const wake = () => {
    for (const waiter of waiters) waiter();
  };
  const pump = (async () => {
    try {
      for await (const item of events) {
        // Through createCaller a tracked event is tRPC's envelope `[id, data, symbol]`;
        // the inferred type is what a client link makes of it, `{ id, data }`.
        const raw: unknown = item;
        const event = streamEventSchema.parse(Array.isArray(raw) ? raw[1] : raw);
        if (event.kind === 'notification.created') received.push(event.notification);
        wake();
      }
    } catch (err) {
      if (!controller.signal.aborted) failure = err instanceof Error ? err : new Error(String(err));
    } finally {
      wake();
    }
  })();

  return {
    received,
    async waitFor(match, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find(match);
        if (found) return found;
        if (failure) throw failure;
        const remaining = deadline - Date.now();
        if (remaining <= 0) {
          throw new Error(`No matching notification for ${user.name} within ${timeoutMs} ms`);
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, remaining);
          function done() {
            clearTimeout(timer);
            waiters.delete(done);
            resolve();
          }
          waiters.add(done);
        });
      }
    },
    async close() {
      controller.abort();
      await pump;
    },
  };
}
