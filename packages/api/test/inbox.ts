import { streamEventSchema, type Notification, type StreamEvent, type User } from '@acme/contracts';
import type { Harness } from './harness';

export interface ReceivedEvent {
  event: StreamEvent;
  /** Date.now() when it arrived, to tell whether something happened on time. */
  at: number;
}

export interface Inbox {
  /** Notifications that arrived as `notification.created` events, in stream order. */
  readonly received: Notification[];
  /** Every event that arrived, in stream order. */
  readonly events: ReceivedEvent[];
  /** The first received notification matching, waiting for it to arrive if need be. */
  waitFor(match: (n: Notification) => boolean, timeoutMs?: number): Promise<Notification>;
  /** The first event matching, waiting for it to arrive if need be. */
  waitForEvent(match: (e: StreamEvent) => boolean, timeoutMs?: number): Promise<ReceivedEvent>;
  close(): Promise<void>;
}

/**
 * An open `notifications.onEvent` subscription of one user, through the router. It resumes
 * from '0-0', the start of the user's stream, so nothing is missed however late the
 * subscription lands; tests use fresh users, whose streams hold only their own events.
 */
export async function openInbox(h: Harness, user: User): Promise<Inbox> {
  const controller = new AbortController();
  const stream = await h.as(user, controller.signal).notifications.onEvent({ lastEventId: '0-0' });
  const received: Notification[] = [];
  const events: ReceivedEvent[] = [];
  const waiters = new Set<() => void>();
  let failure: Error | null = null;
  const wake = () => {
    for (const waiter of waiters) waiter();
  };
  const pump = (async () => {
    try {
      for await (const item of stream) {
        // Through createCaller a tracked event is tRPC's envelope `[id, data, symbol]`;
        // the inferred type is what a client link makes of it, `{ id, data }`.
        const raw: unknown = item;
        const event = streamEventSchema.parse(Array.isArray(raw) ? raw[1] : raw);
        events.push({ event, at: Date.now() });
        if (event.kind === 'notification.created') received.push(event.notification);
        wake();
      }
    } catch (err) {
      if (!controller.signal.aborted) failure = err instanceof Error ? err : new Error(String(err));
    } finally {
      wake();
    }
  })();

  async function waitUntil<T>(what: string, find: () => T | undefined, timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      if (failure) throw failure;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`No ${what} for ${user.name} within ${timeoutMs} ms`);
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
  }

  return {
    received,
    events,
    waitFor: (match, timeoutMs = 10_000) =>
      waitUntil('matching notification', () => received.find(match), timeoutMs),
    waitForEvent: (match, timeoutMs = 10_000) =>
      waitUntil('matching event', () => events.find((e) => match(e.event)), timeoutMs),
    async close() {
      controller.abort();
      await pump;
    },
  };
}
