import { idSchema, StreamPosition, ZERO_ID } from '@acme/contracts';
import type { StreamItem } from './codec';
import { detectGap, parseOrZero, type EventsContext } from './events';
import { userKeys } from './keys';
import type { Listener, ListenerObserver } from './listener';
import type { PushSink, PushSource } from './pull';

const REPLAY_PAGE = 500;

/**
 * Where a follower delivers: a socket writer, or the pull adapter behind `events()`. `end`
 * gets `null` when the service is closing, else the failure (a slow consumer, Redis).
 */
export type EventSink = PushSink<StreamItem>;
export type Following = PushSource;

/**
 * One user's events for one consumer, pushed: subscribe first, then read the stream after the
 * last id, then go live, dropping what was already delivered. Without afterId it starts from
 * the stream's current end, taken before subscribing, and first delivers `sync.reset` (reason
 * `initial`) carrying that id once subscribed: the client's snapshot point, and a position to
 * resume from should it reconnect before any other event arrives. Live events go from the
 * bus to `sink.write` in the same call: no promise, generator or timer per stream.
 */
export function follow(
  ctx: EventsContext,
  rawUserId: string,
  afterId: string | null | undefined,
  sink: EventSink,
): Following {
  const follower = new Follower(ctx, idSchema.parse(rawUserId), afterId ?? null, sink);
  queueMicrotask(() => {
    void follower.start();
  });
  return follower;
}

class Follower implements Following, ListenerObserver {
  private listener: Listener | null = null;
  /** Set once subscribed; a malformed afterId only survives until the gap check resets it. */
  private position: StreamPosition | null = null;
  /** A catch-up (replay) is running: live events wait in the listener until it is done. */
  private catchingUp = false;
  /** The sink said it is full. */
  private full = false;
  /** A catch-up waiting for room. */
  private onRoom: (() => void) | null = null;
  private done = false;
  /** The stream began without afterId: it opens with the initial reset. */
  private fresh = false;

  constructor(
    private readonly ctx: EventsContext,
    private readonly userId: string,
    /** Where the stream starts: afterId, or the stream's end once read. */
    private startId: string | null,
    private readonly sink: EventSink,
  ) {}

  async start(): Promise<void> {
    if (this.startId === null) {
      if (!this.canStart()) return;
      try {
        this.startId = (await this.ctx.store.streamInfo(this.userId))?.lastId ?? ZERO_ID;
      } catch (err) {
        this.finish(err);
        return;
      }
      this.fresh = true;
    }
    if (!this.canStart()) return;
    this.listener = this.ctx.bus.listen(userKeys(this.userId).channel, this.ctx.maxBuffered, this);
    this.pump();
  }

  /** Not stopped, and the service not closing (that ends the stream at once). */
  private canStart(): boolean {
    if (this.done) return false;
    if (!this.ctx.isClosed()) return true;
    this.finish(null);
    return false;
  }

  onListenerChange(): void {
    if (this.listener) this.pump();
  }

  resume(): void {
    this.full = false;
    const onRoom = this.onRoom;
    this.onRoom = null;
    if (onRoom) onRoom();
    else this.pump();
  }

  stop(): void {
    if (this.done) return;
    this.done = true;
    this.listener?.end();
    this.onRoom?.();
  }

  private pump(): void {
    const listener = this.listener;
    if (this.done || !listener) return;
    if (!listener.isOpen()) {
      this.finish(listener.error);
      return;
    }
    if (!listener.subscribed || this.catchingUp || this.full) return;
    const position = this.position;
    if (!position) {
      const start = this.startId ?? ZERO_ID;
      this.position = new StreamPosition(start, parseOrZero(start));
      const reset: StreamItem | null = this.fresh
        ? { id: start, event: { kind: 'sync.reset', reason: 'initial' } }
        : null;
      void this.catchUp(reset, !this.fresh);
      return;
    }
    if (listener.takeResync()) {
      void this.catchUp(null, true);
      return;
    }
    for (let item = listener.take(); item; item = listener.take()) {
      if (position.advance(item.id) && !this.sink.write(item)) {
        this.full = true;
        return;
      }
    }
  }

  /** Delivers `first`, a sync.reset if events after the position are gone, then the stored events after it. */
  private async catchUp(first: StreamItem | null, checkGap: boolean): Promise<void> {
    const position = this.position;
    if (!position) return;
    this.catchingUp = true;
    try {
      if (first && !(await this.deliver(first))) return;
      if (checkGap) {
        const info = await this.ctx.store.streamInfo(this.userId);
        if (this.stale()) return;
        const reason = detectGap(position.id, info, this.ctx.store.eventCutoff());
        if (reason) {
          const id = info?.lastId ?? ZERO_ID;
          position.reset(id, parseOrZero(id));
          if (!(await this.deliver({ id, event: { kind: 'sync.reset', reason } }))) return;
        }
      }
      let from: string | null = position.id;
      while (from !== null) {
        const page = await this.ctx.store.readStream(this.userId, from, REPLAY_PAGE);
        if (this.stale()) return;
        for (const item of page.items) {
          if (position.advance(item.id) && !(await this.deliver(item))) return;
        }
        from = page.next;
      }
    } catch (err) {
      this.finish(err);
    } finally {
      this.catchingUp = false;
      this.pump();
    }
  }

  /** Writes one replayed event, waiting for room when the sink is full; false once stale. */
  private async deliver(item: StreamItem): Promise<boolean> {
    if (!this.sink.write(item)) {
      this.full = true;
      await new Promise<void>((resolve) => {
        this.onRoom = resolve;
      });
    }
    return !this.stale();
  }

  /** The follow was stopped or the listener ended: a catch-up gives up. */
  private stale(): boolean {
    return this.done || this.listener?.isOpen() !== true;
  }

  private finish(error: unknown): void {
    if (this.done) return;
    this.done = true;
    this.listener?.end();
    this.sink.end(
      error === null || error instanceof Error
        ? error
        : new Error('follow failed', { cause: error }),
    );
  }
}
