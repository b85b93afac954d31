import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { getTRPCErrorFromUnknown, type TRPCError } from '@trpc/server';
import type { PushSink, PushSource, StreamItem } from '@acme/notifications';
import type { Heartbeat } from './heartbeat';

/**
 * How one family of clients expects a stream to look. A dialect is shared by all streams of
 * a route; what differs per stream is passed in (`lastId`, the per-stream `call`).
 */
export interface SseDialect<Call> {
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
  /**
   * An event's bytes, or null for events this dialect does not send. The bus hands every
   * stream of a user the same item object, so a dialect can encode it once per process.
   */
  value(item: StreamItem): string | Buffer | null;
  /** After the source ended by itself (no error), with the client still there. */
  returned(lastId: string): string | null;
  /** After the source (or opening it) failed, with the client still there. */
  failed(error: TRPCError, lastId: string, call: Call): string | null;
}

export interface SseStreamOptions<Call> {
  res: ServerResponse;
  dialect: SseDialect<Call>;
  /** The id the client resumes after, or null for a fresh stream. */
  resumeId: string | null;
  /**
   * Opens the source, pushing into the given sink; a throw or rejection is reported like a
   * failure of the source itself. Not called if the client has gone by then.
   */
  open(sink: PushSink<StreamItem>): PushSource | Promise<PushSource>;
  /** What the route knows about this stream, handed to `dialect.failed`. */
  call: Call;
}

/**
 * Writes a pushed source to `res` as SSE until the source ends or fails or the client goes
 * away, then ends the response. Live events are written in the call that delivers them: no
 * generator, promise or timer per stream. Backpressure: when the socket is full the sink says
 * so and the source holds (and bounds) what follows until `drain`; a ping is skipped while
 * the socket has not drained (it would only say "still here" behind data that says so
 * already). Pings come from the dialect's shared heartbeat.
 */
export function writeSseStream<Call>(opts: SseStreamOptions<Call>): void {
  new SseStream(opts).start();
}

class SseStream<Call> implements PushSink<StreamItem> {
  private lastId: string;
  private source: PushSource | null = null;
  private stopBeat: (() => void) | null = null;
  private closed = false;

  constructor(private readonly opts: SseStreamOptions<Call>) {
    this.lastId = opts.resumeId ?? '';
  }

  start(): void {
    const { res, dialect, resumeId } = this.opts;
    res.once('close', this.onClose);
    res.on('drain', this.onDrain);
    res.writeHead(200, dialect.headers);
    if (resumeId !== null || !dialect.connectsOnFirstEvent) this.connect();
    let opened: PushSource | Promise<PushSource>;
    try {
      opened = this.opts.open(this);
    } catch (cause) {
      this.fail(cause);
      return;
    }
    if (!(opened instanceof Promise)) {
      this.attach(opened);
      return;
    }
    opened.then(
      (source) => {
        this.attach(source);
      },
      (cause: unknown) => {
        this.fail(cause);
      },
    );
  }

  write(item: StreamItem): boolean {
    if (this.closed) return true;
    this.lastId = item.id;
    if (!this.stopBeat) this.connect();
    const chunk = this.opts.dialect.value(item);
    return chunk === null || this.opts.res.write(chunk);
  }

  end(error: Error | null): void {
    if (this.closed) return;
    if (error === null) this.finish(this.opts.dialect.returned(this.lastId));
    else this.fail(error);
  }

  private attach(source: PushSource): void {
    if (this.closed) source.stop();
    else this.source = source;
  }

  private connect(): void {
    const { res, dialect } = this.opts;
    res.write(dialect.connected(this.lastId));
    this.stopBeat = dialect.heartbeat?.add(this.beat) ?? noop;
  }

  private readonly beat = (): void => {
    const { res, dialect } = this.opts;
    if (!res.writableNeedDrain) res.write(dialect.ping(this.lastId));
  };

  private readonly onDrain = (): void => {
    this.source?.resume();
  };

  private readonly onClose = (): void => {
    if (this.closed) return;
    this.cleanup();
    this.source?.stop();
  };

  private fail(cause: unknown): void {
    if (this.closed) return;
    const error = getTRPCErrorFromUnknown(cause);
    this.finish(this.opts.dialect.failed(error, this.lastId, this.opts.call));
  }

  /** Writes the last chunk and ends the response (the source is done, or never opened). */
  private finish(last: string | null): void {
    const { res } = this.opts;
    this.cleanup();
    if (last !== null) res.write(last);
    res.end();
  }

  private cleanup(): void {
    this.closed = true;
    this.stopBeat?.();
    this.opts.res.off('drain', this.onDrain);
  }
}

const noop = () => undefined;
