import type { BurstResult, LoadRequest } from '../protocol';
import { indexes, pool, timer } from './concurrency';
import { RangeCollector } from './collect';
import { isOk } from './http';
import { now, type SseStream } from './sse';
import { createCall, getStream, reserveSeq, setSink } from './streams';

/** `notifications` creates, round-robin over the users, `concurrency` in flight. */
export async function burst(req: Extract<LoadRequest, { op: 'burst' }>): Promise<BurstResult> {
  const { target, keys, notifications, concurrency, timeoutMs } = req;
  const users = keys.map(getStream);
  const base = reserveSeq(notifications);
  const arrivals = new RangeCollector(base, notifications);
  const bytes = () => users.reduce((a, u) => a + u.bytes, 0);
  const bytes0 = bytes();
  setSink(arrivals.sink);
  const t0 = now();
  let errors = 0;
  let lastResponse = t0;
  const sending = pool(indexes(notifications), concurrency, async (i) => {
    const user = users[i % users.length] as SseStream;
    try {
      const r = await createCall(target, user.userId, base + i, now());
      if (!isOk(r)) errors += 1;
    } catch {
      errors += 1;
    }
    lastResponse = now();
  });
  const clock = timer(timeoutMs);
  await Promise.race([sending.then(() => arrivals.all), clock.expired]);
  setSink(null);
  const { received, lastAt, latencies } = arrivals;
  return {
    sent: notifications,
    errors,
    received,
    sendMs: lastResponse - t0,
    deliverMs: (received ? lastAt : now()) - t0,
    latencies,
    sseBytes: bytes() - bytes0,
    timedOut: clock.timedOut && received < notifications,
  };
}
