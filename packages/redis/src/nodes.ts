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
 * Replies that mean the node did not run the command: the slot moved, or is moving and the
 * keys are not all on one side yet, or (after ioredis re-sent a redirected pipeline) the
 * script was not loaded on the new node. Sending such a command again is safe.
 */
const NOT_RUN = /^(MOVED|ASK|TRYAGAIN|CLUSTERDOWN|NOSCRIPT) /;
const RESEND_ROUNDS = 3;

/**
 * One pipeline per master (see groupByNode), sent in parallel; the replies come back in the
 * items' order. A failed pipeline fails each of its items, not the whole call.
 *
 * ioredis follows a pipeline's redirections only when every command in it got the same one,
 * so during a slot migration the moving user's command fails inside a pipeline shared with
 * users who stay; and a pipeline it did re-send loses the EVALSHA-to-EVAL fallback. Commands
 * that did not run are sent again alone, where ioredis follows the redirection itself.
 */
export async function pipelinePerNode<T>(
  redis: RedisClient,
  items: T[],
  keyOf: (item: T) => string,
  add: (pipeline: ChainableCommander, item: T) => void,
): Promise<PipelineReply<T>[]> {
  const replies = new Map<T, PipelineReply<T>>();
  const send = async (group: T[]) => {
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
  };
  await Promise.all(groupByNode(redis, items, keyOf).map(send));
  for (let round = 0; round < RESEND_ROUNDS; round++) {
    const notRun = items.filter((item) => NOT_RUN.test(replies.get(item)?.error?.message ?? ''));
    if (notRun.length === 0) break;
    await Promise.all(notRun.map((item) => send([item])));
  }
  return items.map(
    (item) => replies.get(item) ?? { item, error: new Error('No reply'), value: null },
  );
}
