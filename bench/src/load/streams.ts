import type { OpenResult, StreamSpec, Target } from '../protocol';
import { marker } from '../protocol';
import { errorText, pool } from './concurrency';
import { post } from './http';
import { now, SseStream, type MarkerSink } from './sse';

/** The load process's open streams by key, shared by every operation until `closeAll`. */
const streams = new Map<number, SseStream>();

/** Where the markers of every open stream go: the running operation's, if any. */
let sink: MarkerSink | null = null;
export const currentSink = () => sink;
export function setSink(next: MarkerSink | null): void {
  sink = next;
}

let seq = 0;
/** Reserves `count` notification numbers, unique over the process's life; returns the first. */
export function reserveSeq(count = 1): number {
  const first = seq + 1;
  seq += count;
  return first;
}

export function getStream(key: number): SseStream {
  const s = streams.get(key);
  if (!s) throw new Error(`no open stream ${key}`);
  return s;
}

/** One notification for `assigneeId`, its title carrying the marker the streams look for. */
export function createCall(target: Target, assigneeId: string, n: number, sentAt: number) {
  return post(target.port, target.createPath, target.actorToken, {
    title: `bench ${marker(n, sentAt)}`,
    assigneeId,
  });
}

export async function open(
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

export function closeAll() {
  for (const s of streams.values()) s.close();
  const n = streams.size;
  streams.clear();
  return { closed: n };
}
