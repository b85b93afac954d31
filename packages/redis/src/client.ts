import { Cluster, type Redis } from 'ioredis';

/** One Redis server or a Redis Cluster: every package takes either. */
export type RedisClient = Redis | Cluster;

export const isCluster = (redis: RedisClient): redis is Cluster => redis instanceof Cluster;

/**
 * A second connection like `redis`, for a BullMQ worker: it blocks, so it must never give
 * up on a command (`maxRetriesPerRequest: null`, which BullMQ requires).
 */
export function duplicateForBlocking(redis: RedisClient): RedisClient {
  if (!isCluster(redis)) return redis.duplicate({ maxRetriesPerRequest: null });
  return redis.duplicate([], {
    redisOptions: { ...redis.options.redisOptions, maxRetriesPerRequest: null },
  });
}

/**
 * The connection the live bus subscribes on: on a cluster, one sharded subscriber per shard
 * master, which ioredis moves to the new owner after a failover or a slot move.
 */
export function duplicateForSubscribing(redis: RedisClient): RedisClient {
  if (!isCluster(redis)) return redis.duplicate();
  return redis.duplicate([], { shardedSubscribers: true });
}
