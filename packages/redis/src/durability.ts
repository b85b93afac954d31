import type { Redis } from 'ioredis';
import type { RedisClient } from './client';
import { StoreUnavailableError } from './errors';
import { connectionFor } from './nodes';

export interface DurabilityOptions {
  /** Replicas that must hold a write before it is acknowledged (REDIS_MIN_REPLICAS). */
  minReplicas: number;
  /** How long WAIT may block for them. */
  timeoutMs?: number;
}

/** Confirms that writes already sent on the connections of `keys` reached enough replicas. */
export type ConfirmWrites = (keys: readonly string[]) => Promise<void>;

export const confirmNothing: ConfirmWrites = () => Promise.resolve();

/**
 * Replication is asynchronous: a master that dies after answering takes the write with it.
 * WAIT on the connection that made the write blocks until `minReplicas` replicas have every
 * write sent on it so far, so answering the caller only after it loses nothing acknowledged.
 */
export function createWriteConfirmer(redis: RedisClient, opts: DurabilityOptions): ConfirmWrites {
  const { minReplicas, timeoutMs = 2000 } = opts;
  if (minReplicas <= 0) return confirmNothing;
  return async (keys) => {
    const connections = new Set<Redis>();
    for (const key of keys) {
      const connection = connectionFor(redis, key);
      if (!connection) throw new StoreUnavailableError('no master serves the slot of the write');
      connections.add(connection);
    }
    const acks = await Promise.all([...connections].map((c) => c.wait(minReplicas, timeoutMs)));
    const least = Math.min(...acks);
    if (least < minReplicas) {
      throw new StoreUnavailableError(
        `only ${least} of ${minReplicas} replica(s) confirmed the write within ${timeoutMs} ms`,
        { unconfirmed: true },
      );
    }
  };
}
