import {
  compareStreamIds,
  maxStreamId,
  parseStreamId,
  type StreamEvent,
  type StreamId,
} from '@acme/contracts';
import type { Bus } from './bus';
import type { StreamItem } from './codec';
import { follow } from './follow';
import { pull } from './pull';
import type { Store } from './store';
import type { StreamInfo } from './store-read';

type ResetReason = Extract<StreamEvent, { kind: 'sync.reset' }>['reason'];

/** The parsed id, or 0-0 if malformed (a client's afterId: the gap check resets it). */
export const parseOrZero = (id: string): StreamId => parseStreamId(id) ?? { ms: 0n, seq: 0n };

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
  store: Pick<Store, 'eventCutoff' | 'streamInfo' | 'readStream'>;
  bus: Bus;
  maxBuffered: number;
  isClosed: () => boolean;
}

/** The user's events as an async iterable (see follow()): for callers that pull. */
export function readEvents(
  ctx: EventsContext,
  userId: string,
  afterId: string | null | undefined,
  signal: AbortSignal,
): AsyncGenerator<StreamItem, void, undefined> {
  return pull((sink) => follow(ctx, userId, afterId, sink), signal);
}
