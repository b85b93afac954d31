import { once } from 'node:events';
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { getTRPCErrorFromUnknown, isTrackedEnvelope, type TRPCError } from '@trpc/server';
import type { Heartbeat } from './heartbeat';

/**
 * How one family of clients expects a stream to look. A dialect is shared by all streams of
 * a route; what differs per stream is passed in (`lastId`, the per-stream `call`).
 */
export interface SseDialect<T, Call> {
  readonly headers: OutgoingHttpHeaders;
  /** Beats the dialect's pings; null when it sends none. */
  readonly heartbeat: Heartbeat | null;
  /**
   * A fresh stream (no resume id) waits for its first event to connect, so that `connected`
   * can carry that event's id; otherwise it connects as soon as the headers are out.
   */
  readonly connectsOnFirstEvent: boolean;
  /** The `connected` event (and anything that goes with it), at stream position `lastId`. */
  connected(lastId: string): string;
  ping(lastId: string): string;
  /** A value's bytes, or null for values this dialect does not send. */
  value(value: T): string | null;
  /** After the source ended by itself, with the client still there. */
  returned(lastId: string): string | null;
  /** After the source (or opening it) failed, with the client still there. */
  failed(error: TRPCError, lastId: string, call: Call): string | null;
}

export interface SseStreamOptions<T, Call> {
  res: ServerResponse;
  /** Aborted when the client has gone away. */
  signal: AbortSignal;
  dialect: SseDialect<T, Call>;
  /** The id the client resumes after, or null for a fresh stream. */
  resumeId: string | null;
  /** Opens the source; a rejection is reported like a failure of the source itself. */
  open(): Promise<AsyncIterable<T>> | AsyncIterable<T>;
  /** What the route knows about this stream, handed to `dialect.failed`. */
  call: Call;
}

const noop = () => undefined;
const isAbortError = (cause: unknown) => cause instanceof Error && cause.name === 'AbortError';

/**
 * Writes `open()`'s values to `res` as SSE until the source ends, fails or the client goes
 * away, then ends the response. Every write respects backpressure: values wait for `drain`,
 * and a ping is skipped while the socket has not drained (it would only say "still here"
 * behind data that says so already). Pings come from the dialect's shared heartbeat, not a
 * timer per stream.
 */
export async function writeSseStream<T, Call>(opts: SseStreamOptions<T, Call>): Promise<void> {
  const { res, signal, dialect } = opts;
  let lastId = opts.resumeId ?? '';
  let stopBeat: (() => void) | undefined;
  const connect = () => {
    res.write(dialect.connected(lastId));
    const beat = () => {
      if (!res.writableNeedDrain) res.write(dialect.ping(lastId));
    };
    stopBeat = dialect.heartbeat?.add(beat) ?? noop;
  };
  const writeLast = (chunk: string | null) => {
    if (chunk !== null) res.write(chunk);
  };

  res.writeHead(200, dialect.headers);
  if (opts.resumeId !== null || !dialect.connectsOnFirstEvent) connect();
  try {
    for await (const value of await opts.open()) {
      if (isTrackedEnvelope(value)) lastId = value[0];
      if (!stopBeat) connect();
      const chunk = dialect.value(value);
      if (chunk !== null && !res.write(chunk)) await once(res, 'drain', { signal });
    }
    if (!signal.aborted) writeLast(dialect.returned(lastId));
  } catch (cause) {
    if (!signal.aborted && !isAbortError(cause)) {
      writeLast(dialect.failed(getTRPCErrorFromUnknown(cause), lastId, opts.call));
    }
  } finally {
    stopBeat?.();
    res.end();
  }
}
