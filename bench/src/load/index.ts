/**
 * The load process: holds the SSE streams and sends the create calls, on the orders of the
 * orchestrator (IPC). All three systems are driven by exactly this code.
 */
import type {
  BroadcastResult,
  BurstResult,
  LatencyResult,
  LoadReply,
  LoadRequest,
  OpenResult,
  ResumeResult,
  StreamSpec,
  Target,
} from '../protocol';
import { marker } from '../protocol';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { isOk, post } from './http';
import { now, SseStream, type MarkerSink } from './sse';

const streams = new Map<number, SseStream>();
let sink: MarkerSink | null = null;
const currentSink = () => sink;
let seq = 0;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Runs `work` over `items` with at most `concurrency` in flight. */
async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

function createCall(target: Target, assigneeId: string, n: number, sentAt: number) {
  return post(target.port, target.createPath, target.actorToken, {
    title: `bench ${marker(n, sentAt)}`,
    assigneeId,
  });
}

function getStream(key: number): SseStream {
  const s = streams.get(key);
  if (!s) throw new Error(`no open stream ${key}`);
  return s;
}

async function open(
  target: Target,
  specs: StreamSpec[],
  concurrency: number,
  timeoutMs: number,
): Promise<OpenResult> {
  const t0 = now();
  let opened = 0;
  let failed = 0;
  let firstError: string | null = null;
  await pool(specs, concurrency, async (spec) => {
    const s = new SseStream(spec.key, spec.userId, currentSink);
    streams.set(spec.key, s);
    try {
      await s.open(target.port, target.streamPath, spec.token, timeoutMs);
      opened += 1;
    } catch (err) {
      failed += 1;
      firstError ??= errorText(err);
      s.close();
      streams.delete(spec.key);
    }
  });
  return { opened, failed, ms: now() - t0, open: streams.size, firstError };
}

function closeAll() {
  for (const s of streams.values()) s.close();
  const n = streams.size;
  streams.clear();
  return { closed: n };
}

/**
 * Open loop at `ratePerSec`, round-robin over the streams, at most one notification in flight
 * per user (the seed delivers one per poll, so a queue would measure its backlog), and a user
 * is picked again only after a random pause of 0 to `thinkMs` after its last receipt: without
 * it, the send would be phase-locked to the seed's 0.5 s poll and every sample would wait
 * for a whole period.
 */
async function latency(req: Extract<LoadRequest, { op: 'latency' }>): Promise<LatencyResult> {
  const { target, keys, samples, ratePerSec, thinkMs, sampleTimeoutMs, timeoutMs } = req;
  const users = keys.map(getStream);
  const pending = new Map<number, { sentAt: number; user: number }>();
  /** when each user may be sent to again (Infinity while one is in flight) */
  const availableAt = new Float64Array(users.length);
  const latencies: number[] = [];
  let lost = 0;
  let errors = 0;
  let sent = 0;
  let cursor = 0;
  sink = (n, sentAt, receivedAt) => {
    const p = pending.get(n);
    if (!p) return;
    pending.delete(n);
    availableAt[p.user] = receivedAt + Math.random() * thinkMs;
    latencies.push(receivedAt - sentAt);
  };
  const failed = (n: number, u: number) => {
    errors += 1;
    if (pending.delete(n)) availableAt[u] = now();
  };
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const t0 = now();
  const interval = 1000 / ratePerSec;
  let tick = 0;
  try {
    while (latencies.length + lost + errors < samples && now() - t0 < timeoutMs) {
      const t = now();
      for (const [n, p] of pending) {
        if (t - p.sentAt > sampleTimeoutMs) {
          pending.delete(n);
          availableAt[p.user] = t;
          lost += 1;
        }
      }
      if (sent < samples) {
        for (let scanned = 0; scanned < users.length; scanned += 1) {
          const u = cursor % users.length;
          cursor += 1;
          if ((availableAt[u] ?? 0) > t) continue;
          const stream = users[u] as SseStream;
          const n = (seq += 1);
          const sentAt = now();
          pending.set(n, { sentAt, user: u });
          availableAt[u] = Infinity;
          sent += 1;
          createCall(target, stream.userId, n, sentAt).then(
            (r) => {
              if (!isOk(r)) failed(n, u);
            },
            () => {
              failed(n, u);
            },
          );
          break;
        }
      }
      tick += 1;
      await sleep(Math.max(0, t0 + tick * interval - now()));
    }
  } finally {
    sink = null;
  }
  loop.disable();
  lost += pending.size;
  const loadLoop = { max: loop.max / 1e6, p99: loop.percentile(99) / 1e6 };
  return { latencies, loadLoop, lost, errors, ms: now() - t0 };
}

async function burst(req: Extract<LoadRequest, { op: 'burst' }>): Promise<BurstResult> {
  const { target, keys, notifications, concurrency, timeoutMs } = req;
  const users = keys.map(getStream);
  const base = seq + 1;
  seq += notifications;
  const seen = new Uint8Array(notifications);
  const latencies: number[] = [];
  let received = 0;
  let lastAt = 0;
  let allIn: () => void = () => undefined;
  const delivered = new Promise<void>((r) => (allIn = r));
  sink = (n, sentAt, receivedAt) => {
    const i = n - base;
    if (i < 0 || i >= notifications || seen[i]) return;
    seen[i] = 1;
    received += 1;
    lastAt = receivedAt;
    latencies.push(receivedAt - sentAt);
    if (received === notifications) allIn();
  };
  const t0 = now();
  let errors = 0;
  let lastResponse = t0;
  const indexes = Array.from({ length: notifications }, (_, i) => i);
  const sending = pool(indexes, concurrency, async (i) => {
    const user = users[i % users.length] as SseStream;
    try {
      const r = await createCall(target, user.userId, base + i, now());
      if (!isOk(r)) errors += 1;
    } catch {
      errors += 1;
    }
    lastResponse = now();
  });
  const clock = { timedOut: false };
  const timeout = sleep(timeoutMs).then(() => (clock.timedOut = true));
  await Promise.race([sending.then(() => delivered), timeout]);
  sink = null;
  return {
    sent: notifications,
    errors,
    received,
    sendMs: lastResponse - t0,
    deliverMs: (received ? lastAt : now()) - t0,
    latencies,
    timedOut: clock.timedOut && received < notifications,
  };
}

async function broadcast(req: Extract<LoadRequest, { op: 'broadcast' }>): Promise<BroadcastResult> {
  const { target, keys, groupName, timeoutMs } = req;
  const members = keys.map(getStream);
  const n = (seq += 1);
  const seen = new Set<number>();
  let firstAt = 0;
  let lastAt = 0;
  let allIn: () => void = () => undefined;
  const delivered = new Promise<void>((r) => (allIn = r));
  sink = (s, _sentAt, receivedAt, stream) => {
    if (s !== n || seen.has(stream.key)) return;
    seen.add(stream.key);
    firstAt ||= receivedAt;
    lastAt = receivedAt;
    if (seen.size === members.length) allIn();
  };
  const t0 = now();
  let error: string | null = null;
  let responseMs = Number.NaN;
  const call = post(target.port, target.groupPath, target.actorToken, {
    name: `${groupName} ${marker(n, t0)}`,
    memberIds: members.map((m) => m.userId),
  }).then(
    (r) => {
      responseMs = now() - t0;
      if (!isOk(r)) error = `HTTP ${r.status}: ${r.body.slice(0, 200)}`;
    },
    (err: unknown) => {
      error = errorText(err);
    },
  );
  const clock = { timedOut: false };
  await Promise.race([
    Promise.all([call, delivered]),
    call.then(() => (error ? undefined : new Promise(() => undefined))),
    sleep(timeoutMs).then(() => (clock.timedOut = true)),
  ]);
  sink = null;
  return {
    members: members.length,
    received: seen.size,
    responseMs,
    firstMs: firstAt ? firstAt - t0 : Number.NaN,
    lastMs: lastAt ? lastAt - t0 : Number.NaN,
    timedOut: clock.timedOut && seen.size < members.length,
    error,
  };
}

/** Connect, disconnect, miss `events` notifications, reconnect: time to receive them all. */
async function resume(req: Extract<LoadRequest, { op: 'resume' }>): Promise<ResumeResult> {
  const { target, stream: spec, events, concurrency, timeoutMs } = req;
  const first = new SseStream(spec.key, spec.userId, () => null);
  await first.open(target.port, target.streamPath, spec.token, 30_000);
  await sleep(100);
  const resumedFrom = first.lastEventId;
  first.close();
  // Let the server see the disconnect before the missed events are created.
  await sleep(1000);

  const base = seq + 1;
  seq += events;
  const c0 = now();
  const indexes = Array.from({ length: events }, (_, i) => i);
  await pool(indexes, concurrency, async (i) => {
    const r = await createCall(target, spec.userId, base + i, now());
    if (!isOk(r)) throw new Error(`create failed: HTTP ${r.status} ${r.body.slice(0, 200)}`);
  });
  const createMs = now() - c0;
  await sleep(200);

  const seen = new Uint8Array(events);
  let received = 0;
  let firstAt = 0;
  let lastAt = 0;
  let allIn: () => void = () => undefined;
  const delivered = new Promise<void>((r) => (allIn = r));
  sink = (n, _sentAt, receivedAt) => {
    const i = n - base;
    if (i < 0 || i >= events || seen[i]) return;
    seen[i] = 1;
    received += 1;
    firstAt ||= receivedAt;
    lastAt = receivedAt;
    if (received === events) allIn();
  };
  const second = new SseStream(spec.key, spec.userId, currentSink);
  const t0 = now();
  const clock = { timedOut: false };
  try {
    await Promise.race([
      second
        .open(target.port, target.streamPath, spec.token, timeoutMs, resumedFrom ?? undefined)
        .then(() => delivered),
      sleep(timeoutMs).then(() => (clock.timedOut = true)),
    ]);
  } finally {
    sink = null;
    second.close();
  }
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

async function handle(req: LoadRequest): Promise<unknown> {
  switch (req.op) {
    case 'open':
      return open(req.target, req.streams, req.concurrency, req.timeoutMs);
    case 'closeAll':
      return closeAll();
    case 'latency':
      return latency(req);
    case 'burst':
      return burst(req);
    case 'broadcast':
      return broadcast(req);
    case 'resume':
      return resume(req);
  }
}

process.on('message', (msg: { id: number; req: LoadRequest }) => {
  handle(msg.req).then(
    (result) => {
      process.send?.({ id: msg.id, ok: true, result } satisfies LoadReply);
    },
    (err: unknown) => {
      process.send?.({ id: msg.id, ok: false, error: errorText(err) } satisfies LoadReply);
    },
  );
});
// The orchestrator is gone: nothing left to do.
process.on('disconnect', () => {
  closeAll();
  process.exit(0);
});
process.send?.({ id: 0, ok: true, result: 'ready' } satisfies LoadReply);
