import type { ConfirmWrites, RedisClient } from '@acme/redis';
import type { LocalEvents } from './local-events';

export interface StoreOptions {
  redis: RedisClient;
  ttlSeconds: number;
  /** Resolves once the writes to these keys reached enough replicas (REDIS_MIN_REPLICAS). */
  confirm: ConfirmWrites;
  now: () => number;
  /** Where createMany leaves the live events of content shared by several recipients. */
  localEvents?: LocalEvents;
}

/** What both halves of the store work with. */
export interface StoreContext extends StoreOptions {
  /** Oldest createdAt (ms) still retained; entries and events before it are expired. */
  cutoff: () => number;
  nowIso: () => string;
}

export function createStoreContext(opts: StoreOptions): StoreContext {
  const { now, ttlSeconds } = opts;
  return {
    ...opts,
    cutoff: () => Math.max(0, Math.floor(now()) - ttlSeconds * 1000),
    nowIso: () => new Date(now()).toISOString(),
  };
}
