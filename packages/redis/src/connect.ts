import { Cluster, Redis, type ClusterOptions } from 'ioredis';
import type { RedisClient } from './client';

export interface HostPort {
  host: string;
  port: number;
}

/** Exactly one of the two: REDIS_URL or REDIS_CLUSTER_NODES. */
export type RedisTarget = { url: string } | { clusterNodes: readonly HostPort[] };

// Bounded retries: while a slot has no master, a command gives up after about
// maxRedirections × retryDelay (~3 s) instead of waiting out the failover.
const clusterOptions: ClusterOptions = {
  lazyConnect: true,
  retryDelayOnFailover: 200,
  retryDelayOnClusterDown: 200,
  retryDelayOnTryAgain: 100,
  slotsRefreshTimeout: 2000,
  // A backstop: a MOVED reply or a lost subscriber refreshes the slot map at once. Each
  // refresh opens a connection, so not more often than ioredis's default.
  slotsRefreshInterval: 5000,
  redisOptions: { maxRetriesPerRequest: 2, connectTimeout: 2000 },
};

const describe = (target: RedisTarget) =>
  'url' in target
    ? `Redis at ${new URL(target.url).host} (REDIS_URL)`
    : `Redis Cluster at ${target.clusterNodes.map((n) => `${n.host}:${n.port}`).join(',')} (REDIS_CLUSTER_NODES)`;

/** A client for the target, not connected yet (`connect()`, or the first command, does). */
export function createRedisClient(target: RedisTarget): RedisClient {
  return 'url' in target
    ? new Redis(target.url, { lazyConnect: true, maxRetriesPerRequest: 2 })
    : new Cluster([...target.clusterNodes], clusterOptions);
}

/** Connects and fails fast with a readable reason when Redis is unreachable. */
export async function connectRedis(target: RedisTarget): Promise<RedisClient> {
  const redis = createRedisClient(target);
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    redis.disconnect();
    throw new Error(`Cannot reach ${describe(target)}: ${(err as Error).message}`, { cause: err });
  }
  return redis;
}
