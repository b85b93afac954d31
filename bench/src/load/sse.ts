import http from 'node:http';
import { StringDecoder } from 'node:string_decoder';
import { MARKER } from '../protocol';

/**
 * One SSE stream over a raw `http.get`, with a tiny line parser. The same code reads all
 * three systems: a stream is ready at its first unnamed (message) event, which each system
 * sends once the user's live subscription is in place; every message event is scanned for
 * the bench marker `~b:<seq>:<sendTime>~`.
 */
export interface MarkerSink {
  (seq: number, sentAt: number, receivedAt: number, stream: SseStream): void;
}

const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
const LOCAL_ADDRESSES = ['127.0.0.1', '127.0.0.2', '127.0.0.3', '127.0.0.4'];
let opened = 0;

export const now = () => performance.timeOrigin + performance.now();

export class SseStream {
  lastEventId: string | null = null;
  ready = false;
  closed = false;
  /** bytes of the response body received so far (for the bytes per event on the wire) */
  bytes = 0;
  private req: http.ClientRequest | null = null;
  private buffer = '';
  private eventName = '';
  private data: string | null = null;
  private onReady: ((err?: Error) => void) | null = null;

  constructor(
    readonly key: number,
    readonly userId: string,
    private readonly sink: () => MarkerSink | null,
  ) {}

  /** Resolves when the first message event arrives; rejects on HTTP error, close or timeout. */
  open(
    port: number,
    path: string,
    token: string,
    timeoutMs: number,
    lastEventId?: string,
  ): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        finish(new Error(`stream ${this.key} not ready after ${timeoutMs} ms`));
        this.close();
      }, timeoutMs);
      const finish = (err?: Error) => {
        if (!this.onReady) return;
        this.onReady = null;
        clearTimeout(timer);
        if (err) reject(err);
        else resolve();
      };
      this.onReady = finish;
      const headers: Record<string, string> = {
        accept: 'text/event-stream',
        authorization: `Bearer ${token}`,
      };
      if (lastEventId) headers['last-event-id'] = lastEventId;
      opened += 1;
      const req = http.get(
        {
          host: '127.0.0.1',
          port,
          path,
          headers,
          agent,
          localAddress: LOCAL_ADDRESSES[opened % LOCAL_ADDRESSES.length],
        },
        (res) => {
          if (res.statusCode !== 200) {
            finish(new Error(`stream ${this.key}: HTTP ${res.statusCode}`));
            res.resume();
            this.close();
            return;
          }
          const decoder = new StringDecoder('utf8');
          res.on('data', (chunk: Buffer) => {
            this.bytes += chunk.length;
            this.feed(decoder.write(chunk));
          });
          res.on('end', () => {
            this.closed = true;
            finish(new Error(`stream ${this.key} ended`));
          });
          res.on('error', () => undefined);
        },
      );
      req.on('error', (err) => {
        this.closed = true;
        finish(err);
      });
      this.req = req;
    });
  }

  close(): void {
    this.closed = true;
    this.req?.destroy();
    this.req = null;
  }

  private feed(chunk: string): void {
    const text = this.buffer + chunk;
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      let line = text.slice(start, nl);
      start = nl + 1;
      if (line.endsWith('\r')) line = line.slice(0, -1);
      this.line(line);
    }
    this.buffer = text.slice(start);
  }

  private line(line: string): void {
    if (line === '') {
      const data = this.data;
      const named = this.eventName !== '' && this.eventName !== 'message';
      this.data = null;
      this.eventName = '';
      if (data === null || named) return;
      this.message(data);
      return;
    }
    if (line.startsWith('data:')) {
      this.data = line.slice(line[5] === ' ' ? 6 : 5);
    } else if (line.startsWith('id:')) {
      this.lastEventId = line.slice(line[3] === ' ' ? 4 : 3);
    } else if (line.startsWith('event:')) {
      this.eventName = line.slice(line[6] === ' ' ? 7 : 6);
    }
  }

  private message(data: string): void {
    const receivedAt = now();
    if (!this.ready) {
      this.ready = true;
      this.onReady?.();
    }
    const sink = this.sink();
    if (!sink) return;
    const m = MARKER.exec(data);
    if (m) sink(Number(m[1]), Number(m[2]), receivedAt, this);
  }
}
