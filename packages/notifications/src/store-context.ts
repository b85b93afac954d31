import type { ConfirmWrites, RedisClient } from '@acme/redis';
import type { LocalEvents } from './local-events';

export interface StoreOptions {
  redis: RedisClient;
  /** History: notifications, their views and read state. */
  ttlSeconds: number;
  /** The event stream's replay window (trim and gap detection); at most ttlSeconds. */
  eventReplaySeconds: number;
  /** Resolves once the writes to these keys reached enough replicas (REDIS_MIN_REPLICAS). */
  confirm: ConfirmWrites;
  now: () => number;
  /** Where createMany leaves the live events of content shared by several recipients. */
  localEvents?: LocalEvents;
}

/** What both halves of the store work with. */
export interface StoreContext extends StoreOptions {
  /** Oldest view score (ms) still retained; older entries are expired. */
  cutoff: () => number;
  /** Oldest event (ms) still replayed; older ones count as deleted (sync.reset). */
  eventCutoff: () => number;
  nowIso: () => string;
}

export function createStoreContext(opts: StoreOptions): StoreContext {
  const { now, ttlSeconds, eventReplaySeconds } = opts;
  const before = (seconds: number) => Math.max(0, Math.floor(now()) - seconds * 1000);
  return {
    ...opts,
    cutoff: () => before(ttlSeconds),
    eventCutoff: () => before(Math.min(eventReplaySeconds, ttlSeconds)),
    nowIso: () => new Date(now()).toISOString(),
  };
}
