import {
  compareStreamIds,
  idSchema,
  maxStreamId,
  parseStreamId,
  StreamPosition,
  ZERO_ID,
  type StreamEvent,
  type StreamId,
} from '@acme/contracts';
import type { Bus } from './bus';
import type { StreamItem } from './codec';
import { userKeys } from './keys';
import type { Listener } from './listener';
import type { Store } from './store';
import type { StreamInfo, StreamPage } from './store-read';

const REPLAY_PAGE = 500;

type ResetReason = Extract<StreamEvent, { kind: 'sync.reset' }>['reason'];

/** The parsed id, or 0-0 if malformed (a client's afterId: the gap check resets it). */
const parseOrZero = (id: string): StreamId => parseStreamId(id) ?? { ms: 0n, seq: 0n };

/**
 * Whether a reader resuming after `afterId` would miss events: null if not, else why.
 * The stream only loses entries from its head (retention), so events after `afterId` are
 * missing exactly when a deleted (or expired-but-not-yet-trimmed) entry lies after it.
 */
export function detectGap(
  afterId: string,
  info: StreamInfo | null,
  cutoffMs: number,
): ResetReason | null {
  const after = parseStreamId(afterId);
  if (!after) return 'unknown_id';
  if (!info) {
    // No stream: never written, expired after a ttl of silence, or Redis lost it.
    if (after.ms === 0n && after.seq === 0n) return null;
    // A real id younger than the retention window means the stream was still due to exist.
    return after.ms < BigInt(cutoffMs) ? 'expired' : 'unknown_id';
  }
  const last = parseOrZero(info.lastId);
  if (compareStreamIds(after, last) > 0) return 'unknown_id';
  let deleted = parseOrZero(info.maxDeletedId);
  const expired = info.newestExpiredId && parseStreamId(info.newestExpiredId);
  if (expired) deleted = maxStreamId(deleted, expired);
  return compareStreamIds(after, deleted) < 0 ? 'expired' : null;
}

export interface EventsContext {
  store: Pick<Store, 'cutoff' | 'streamInfo' | 'readStream'>;
  bus: Bus;
  maxBuffered: number;
  isClosed: () => boolean;
}

/**
 * Subscribe first, then read the stream after the last id, then go live, dropping what was
 * already yielded. Without afterId, the reader starts from the stream's current end, taken
 * before subscribing, and first yields `sync.reset` (reason `initial`) carrying that id once
 * subscribed: the client's snapshot point, and a position to resume from should it
 * reconnect before any other event arrives.
 */
export async function* readEvents(
  ctx: EventsContext,
  rawUserId: string,
  afterId: string | null | undefined,
  signal: AbortSignal,
): AsyncGenerator<StreamItem, void, undefined> {
  const userId = idSchema.parse(rawUserId);
  const stopped = () => ctx.isClosed() || signal.aborted;
  if (stopped()) return;
  let start = afterId ?? null;
  const resuming = start !== null;
  if (start === null) {
    start = (await ctx.store.streamInfo(userId))?.lastId ?? ZERO_ID;
    if (stopped()) return;
  }

  const listener = ctx.bus.listen(userKeys(userId).channel, ctx.maxBuffered);
  const onAbort = () => {
    listener.end();
  };
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    while (!listener.subscribed) {
      if (!listener.isOpen()) {
        listener.rethrow();
        return;
      }
      await listener.wait();
    }
    // A malformed afterId only survives until the gap check turns it into a reset.
    const position = new StreamPosition(start, parseOrZero(start));
    if (!resuming) yield { id: start, event: { kind: 'sync.reset', reason: 'initial' } };
    yield* catchUp(ctx, userId, listener, position, resuming);
    for (;;) {
      if (!listener.isOpen()) {
        listener.rethrow();
        return;
      }
      if (listener.takeResync()) {
        yield* catchUp(ctx, userId, listener, position, true);
        continue;
      }
      const item = listener.take();
      if (!item) await listener.wait();
      else if (position.advance(item.id)) yield item;
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    listener.end();
  }
}

/** Yields a sync.reset if events after the position are gone, then the stored events after it. */
async function* catchUp(
  ctx: EventsContext,
  userId: string,
  listener: Listener,
  position: StreamPosition,
  checkGap: boolean,
): AsyncGenerator<StreamItem, void, undefined> {
  if (checkGap) {
    const info = await untilStopped(listener, ctx.store.streamInfo(userId));
    if (!info) return;
    const reason = detectGap(position.id, info.value, ctx.store.cutoff());
    if (reason) {
      const id = info.value?.lastId ?? ZERO_ID;
      position.reset(id, parseOrZero(id));
      yield { id, event: { kind: 'sync.reset', reason } };
    }
  }
  let from: string | null = position.id;
  while (from !== null) {
    const page: { value: StreamPage } | null = await untilStopped(
      listener,
      ctx.store.readStream(userId, from, REPLAY_PAGE),
    );
    if (!page) return;
    for (const item of page.value.items) {
      if (position.advance(item.id)) yield item;
      if (!listener.isOpen()) return;
    }
    from = page.value.next;
  }
}

/** Awaits `promise` unless the listener stops first (abort, close): then resolves null. */
async function untilStopped<T>(
  listener: Listener,
  promise: Promise<T>,
): Promise<{ value: T } | null> {
  if (!listener.isOpen()) return null;
  const result = await Promise.race([
    promise.then((value) => ({ value })),
    listener.stopped.then(() => null),
  ]);
  return listener.isOpen() ? result : null;
}
