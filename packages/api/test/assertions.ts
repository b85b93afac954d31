import { TRPCError } from '@trpc/server';
import { connectionFor, type RedisClient } from '@acme/redis';
import { expect } from 'vitest';

/** Awaits a call that must fail with this tRPC code (and message, when given). */
export async function expectTRPCError(
  call: Promise<unknown>,
  code: TRPCError['code'],
  message?: string | RegExp,
): Promise<TRPCError> {
  const error = await call.then(
    () => null,
    (err: unknown) => err,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(TRPCError);
  const trpcError = error as TRPCError;
  expect(trpcError.code, trpcError.message).toBe(code);
  if (typeof message === 'string') expect(trpcError.message).toBe(message);
  if (message instanceof RegExp) expect(trpcError.message).toMatch(message);
  return trpcError;
}

/** ISO time `ms` from now. */
export const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();

/**
 * Resolves once the wall clock has passed `iso`. For setting up "this time has passed", not
 * for waiting on effects: those are awaited as events.
 */
export function untilPassed(iso: string): Promise<void> {
  const wait = Date.parse(iso) - Date.now() + 1;
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
}

/**
 * The domain keys matching `pattern`, sorted. KEYS only sees the node it runs on, and on a
 * cluster every domain key lives in the one slot of `{domain}`: ask that slot's master.
 */
export async function domainKeys(redis: RedisClient, pattern = '{domain}:*'): Promise<string[]> {
  return keysOfSlot(redis, '{domain}', pattern);
}

async function keysOfSlot(redis: RedisClient, tag: string, pattern: string): Promise<string[]> {
  const connection = connectionFor(redis, tag);
  if (!connection) throw new Error(`no master serves the slot of ${tag}`);
  return (await connection.keys(pattern)).sort();
}

/** The contents of one key, whatever its type, for before/after comparisons. */
async function dumpKey(redis: RedisClient, key: string): Promise<unknown> {
  const type = await redis.type(key);
  switch (type) {
    case 'hash':
      return redis.hgetall(key);
    case 'zset':
      return redis.zrange(key, 0, -1, 'WITHSCORES');
    case 'set':
      return (await redis.smembers(key)).sort();
    case 'stream':
      return redis.xrange(key, '-', '+');
    case 'list':
      return redis.lrange(key, 0, -1);
    default:
      return redis.get(key);
  }
}

/** Every key of one user (they share the `{u:<id>}` slot) with its contents. */
export async function userSnapshot(redis: RedisClient, userId: string): Promise<object> {
  const tag = `{u:${userId}}`;
  const keys = await keysOfSlot(redis, tag, `${tag}:*`);
  const values = await Promise.all(keys.map((key) => dumpKey(redis, key)));
  return Object.fromEntries(keys.map((key, i) => [key, values[i]]));
}

/** Every domain key with its contents, to show that a refused action changed nothing. */
export async function domainSnapshot(redis: RedisClient): Promise<Record<string, unknown>> {
  const keys = await domainKeys(redis);
  const entries = await Promise.all(
    keys.map(async (key) => {
      const type = await redis.type(key);
      const value = type === 'zset' ? await redis.zrange(key, 0, -1) : await redis.get(key);
      return [key, value] as const;
    }),
  );
  return Object.fromEntries(entries);
}
