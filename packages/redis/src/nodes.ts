// cluster-key-slot ships no types; the reference brings them to every package compiling this.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./cluster-key-slot.d.ts" />
import calculateSlot from 'cluster-key-slot';
import type { ChainableCommander, Redis } from 'ioredis';
import { isCluster, type RedisClient } from './client';

/**
 * The master connection serving `key`'s slot as this client last saw the cluster, or the
 * client itself on one Redis. This is the connection ioredis sends that key's commands on.
 */
export function connectionFor(redis: RedisClient, key: string): Redis | undefined {
  if (!isCluster(redis)) return redis;
  const nodeKey = nodeKeyOf(redis, key);
  return redis.nodes('master').find((n) => `${n.options.host}:${n.options.port}` === nodeKey);
}

/** On a cluster, "host:port" of the master serving `key`'s slot as last seen; else ''. */
export function nodeKeyOf(redis: RedisClient, key: string): string {
  return isCluster(redis) ? (redis.slots[calculateSlot(key)]?.[0] ?? '') : '';
}

/**
 * Splits items into groups whose keys one pipeline may carry: on a cluster, one group per
 * master (ioredis refuses a pipeline spanning nodes); on one Redis, a single group.
 */
export function groupByNode<T>(redis: RedisClient, items: T[], keyOf: (item: T) => string): T[][] {
  if (!isCluster(redis)) return items.length > 0 ? [items] : [];
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const node = nodeKeyOf(redis, keyOf(item));
    const group = groups.get(node);
    if (group) group.push(item);
    else groups.set(node, [item]);
  }
  return [...groups.values()];
}

export interface PipelineReply<T> {
  item: T;
  error: Error | null;
  value: unknown;
}

/**
 * One pipeline per master (see groupByNode), sent in parallel; the replies come back in the
 * items' order. A failed pipeline fails each of its items, not the whole call.
 */
export async function pipelinePerNode<T>(
  redis: RedisClient,
  items: T[],
  keyOf: (item: T) => string,
  add: (pipeline: ChainableCommander, item: T) => void,
): Promise<PipelineReply<T>[]> {
  const replies = new Map<T, PipelineReply<T>>();
  await Promise.all(
    groupByNode(redis, items, keyOf).map(async (group) => {
      const pipeline = redis.pipeline();
      for (const item of group) add(pipeline, item);
      const results = await pipeline.exec().catch((err: unknown) => {
        const error = err instanceof Error ? err : new Error(String(err));
        return group.map((): [Error, null] => [error, null]);
      });
      group.forEach((item, i) => {
        const [error, value] = results?.[i] ?? [new Error('No reply from Redis'), null];
        replies.set(item, { item, error, value });
      });
    }),
  );
  return items.map(
    (item) => replies.get(item) ?? { item, error: new Error('No reply'), value: null },
  );
}
