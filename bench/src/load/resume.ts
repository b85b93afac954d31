import type { LoadRequest, ResumeResult, StreamSpec, Target } from '../protocol';
import { indexes, pool, sleep, timer } from './concurrency';
import { RangeCollector } from './collect';
import { isOk } from './http';
import { now, SseStream } from './sse';
import { createCall, currentSink, reserveSeq, setSink } from './streams';

/** Connect, disconnect, miss `events` notifications, reconnect: time to receive them all. */
export async function resume(req: Extract<LoadRequest, { op: 'resume' }>): Promise<ResumeResult> {
  const { target, stream: spec, events, concurrency, timeoutMs } = req;
  const resumedFrom = await connectOnce(target, spec);
  const base = reserveSeq(events);
  const c0 = now();
  await pool(indexes(events), concurrency, async (i) => {
    const r = await createCall(target, spec.userId, base + i, now());
    if (!isOk(r)) throw new Error(`create failed: HTTP ${r.status} ${r.body.slice(0, 200)}`);
  });
  const createMs = now() - c0;
  await sleep(200);

  const arrivals = new RangeCollector(base, events);
  setSink(arrivals.sink);
  const second = new SseStream(spec.key, spec.userId, currentSink);
  const t0 = now();
  const clock = timer(timeoutMs);
  try {
    await Promise.race([
      second
        .open(target.port, target.streamPath, spec.token, timeoutMs, resumedFrom ?? undefined)
        .then(() => arrivals.all),
      clock.expired,
    ]);
  } finally {
    setSink(null);
    second.close();
  }
  const { received, firstAt, lastAt } = arrivals;
  return {
    events,
    received,
    createMs,
    firstMs: firstAt ? firstAt - t0 : Number.NaN,
    ms: (received === events ? lastAt : now()) - t0,
    timedOut: clock.timedOut && received < events,
    resumedFrom,
  };
}

/** Opens the user's stream, takes the id of its first event, and disconnects. */
async function connectOnce(target: Target, spec: StreamSpec): Promise<string | null> {
  const first = new SseStream(spec.key, spec.userId, () => null);
  await first.open(target.port, target.streamPath, spec.token, 30_000);
  await sleep(100);
  const resumedFrom = first.lastEventId;
  first.close();
  // Let the server see the disconnect before the missed events are created.
  await sleep(1000);
  return resumedFrom;
}
