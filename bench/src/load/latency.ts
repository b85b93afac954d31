import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { LatencyResult, LoadRequest, Target } from '../protocol';
import { sleep } from './concurrency';
import { isOk } from './http';
import { now, type MarkerSink, type SseStream } from './sse';
import { createCall, getStream, reserveSeq, setSink } from './streams';

/**
 * Open loop at `ratePerSec`, round-robin over the streams, at most one notification in flight
 * per user (the seed delivers one per poll, so a queue would measure its backlog), and a user
 * is picked again only after a random pause of 0 to `thinkMs` after its last receipt: without
 * it, the send would be phase-locked to the seed's 0.5 s poll and every sample would wait
 * for a whole period.
 */
export async function latency(
  req: Extract<LoadRequest, { op: 'latency' }>,
): Promise<LatencyResult> {
  const { target, keys, samples, ratePerSec, sampleTimeoutMs, timeoutMs } = req;
  const run = new LatencySamples(target, keys.map(getStream), req.thinkMs);
  setSink(run.receive);
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const t0 = now();
  const interval = 1000 / ratePerSec;
  let tick = 0;
  try {
    while (run.finished() < samples && now() - t0 < timeoutMs) {
      const t = now();
      run.expire(t, sampleTimeoutMs);
      if (run.sent < samples) run.sendNext(t);
      tick += 1;
      await sleep(Math.max(0, t0 + tick * interval - now()));
    }
  } finally {
    setSink(null);
  }
  loop.disable();
  const loadLoop = { max: loop.max / 1e6, p99: loop.percentile(99) / 1e6 };
  const lost = run.lost + run.pending.size;
  return { latencies: run.latencies, loadLoop, lost, errors: run.errors, ms: now() - t0 };
}

/** The bookkeeping of one latency phase: what is in flight, per user, and what came back. */
class LatencySamples {
  readonly pending = new Map<number, { sentAt: number; user: number }>();
  readonly latencies: number[] = [];
  lost = 0;
  errors = 0;
  sent = 0;
  /** when each user may be sent to again (Infinity while one is in flight) */
  private readonly availableAt: Float64Array;
  private cursor = 0;

  constructor(
    private readonly target: Target,
    private readonly users: SseStream[],
    private readonly thinkMs: number,
  ) {
    this.availableAt = new Float64Array(users.length);
  }

  /** samples received, lost or failed */
  finished(): number {
    return this.latencies.length + this.lost + this.errors;
  }

  readonly receive: MarkerSink = (n, sentAt, receivedAt) => {
    const p = this.pending.get(n);
    if (!p) return;
    this.pending.delete(n);
    this.availableAt[p.user] = receivedAt + Math.random() * this.thinkMs;
    this.latencies.push(receivedAt - sentAt);
  };

  /** Counts as lost what has been in flight longer than `timeoutMs`; frees its user. */
  expire(t: number, timeoutMs: number): void {
    for (const [n, p] of this.pending) {
      if (t - p.sentAt > timeoutMs) {
        this.pending.delete(n);
        this.availableAt[p.user] = t;
        this.lost += 1;
      }
    }
  }

  /** Sends to the next user in turn that may be sent to; to none if all are waiting. */
  sendNext(t: number): void {
    const users = this.users;
    for (let scanned = 0; scanned < users.length; scanned += 1) {
      const u = this.cursor % users.length;
      this.cursor += 1;
      if ((this.availableAt[u] ?? 0) > t) continue;
      const stream = users[u] as SseStream;
      const n = reserveSeq();
      const sentAt = now();
      this.pending.set(n, { sentAt, user: u });
      this.availableAt[u] = Infinity;
      this.sent += 1;
      createCall(this.target, stream.userId, n, sentAt).then(
        (r) => {
          if (!isOk(r)) this.failed(n, u);
        },
        () => {
          this.failed(n, u);
        },
      );
      return;
    }
  }

  private failed(n: number, u: number): void {
    this.errors += 1;
    if (this.pending.delete(n)) this.availableAt[u] = now();
  }
}
