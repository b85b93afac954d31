import type { LoadRequest, OneUserEvent, OneUserResult } from '../protocol';
import { errorText, timer } from './concurrency';
import { isOk } from './http';
import { now } from './sse';
import { createCall, getStream, reserveSeq, setSink } from './streams';

/**
 * Fan-out to one user: every stream of `keys` belongs to the same user. One notification at
 * a time is created for that user (the latency phase's create), and the next one is sent as
 * soon as every stream has the previous one (or after `eventTimeoutMs`).
 */
export async function oneUser(
  req: Extract<LoadRequest, { op: 'oneUser' }>,
): Promise<OneUserResult> {
  const { target, keys, events, eventTimeoutMs, timeoutMs } = req;
  const streams = keys.map(getStream);
  const userId = streams[0]?.userId;
  if (!userId || streams.some((s) => s.userId !== userId)) {
    throw new Error('oneUser: the streams must all belong to one user');
  }
  const t0 = now();
  const out: OneUserEvent[] = [];
  try {
    while (out.length < events && now() - t0 < timeoutMs) {
      out.push(await oneEvent(target, userId, streams.length, eventTimeoutMs));
    }
  } finally {
    setSink(null);
  }
  return { streams: streams.length, events: out, ms: now() - t0 };
}

async function oneEvent(
  target: Extract<LoadRequest, { op: 'oneUser' }>['target'],
  userId: string,
  count: number,
  eventTimeoutMs: number,
): Promise<OneUserEvent> {
  const n = reserveSeq();
  const seen = new Set<number>();
  const latencies: number[] = [];
  let allIn: () => void = () => undefined;
  const delivered = new Promise<void>((r) => (allIn = r));
  setSink((s, sentAt, receivedAt, stream) => {
    if (s !== n || seen.has(stream.key)) return;
    seen.add(stream.key);
    latencies.push(receivedAt - sentAt);
    if (seen.size === count) allIn();
  });
  let error: string | null = null;
  let responseMs = Number.NaN;
  const sentAt = now();
  const call = createCall(target, userId, n, sentAt).then(
    (r) => {
      responseMs = now() - sentAt;
      if (!isOk(r)) error = `HTTP ${r.status}: ${r.body.slice(0, 200)}`;
    },
    (err: unknown) => {
      error = errorText(err);
    },
  );
  const clock = timer(eventTimeoutMs);
  await Promise.race([
    Promise.all([call, delivered]),
    call.then(() => (error ? undefined : new Promise(() => undefined))),
    clock.expired,
  ]);
  setSink(null);
  return { latencies, responseMs, timedOut: seen.size < count && clock.timedOut, error };
}
