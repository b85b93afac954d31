import type { RedisClient } from '@acme/redis';
import { describe, expect, it } from 'vitest';
import { userKeys } from './keys';
import './scripts';
import { taskAssignment, useRedis } from './test-support';

const env = useRedis();
const keys = userKeys('bob');
const TTL = 1000; // s
const TTL_MS = TTL * 1000;
const SLACK_MS = TTL_MS / 100;

/** Every key of the database with its type and content, for "nothing changed" checks. */
async function snapshot(redis: RedisClient) {
  const all = await env.keys();
  return Promise.all(
    all.map(async (key) => {
      const type = await redis.type(key);
      const content =
        type === 'string'
          ? await redis.get(key)
          : type === 'hash'
            ? await redis.hgetall(key)
            : type === 'zset'
              ? await redis.zrange(key, 0, -1, 'WITHSCORES')
              : type === 'stream'
                ? await redis.xrange(key, '-', '+')
                : null;
      return { key, type, content, pttl: (await redis.pttl(key)) > 0 };
    }),
  );
}

const sharedKeys = [keys.index, keys.unread, keys.events];
const pttls = (redis: RedisClient) => Promise.all(sharedKeys.map((key) => redis.pttl(key)));

describe('the create script', () => {
  it('refuses keys of the wrong type before writing anything', async () => {
    const service = env.service({ ttlSeconds: TTL });
    const notificationKey = keys.notification('fixed-id');
    for (const foreign of [notificationKey, keys.index, keys.unread, keys.events, keys.prefs]) {
      await env.flush();
      await service.create('bob', taskAssignment(1));
      await env.redis.del(foreign);
      await env.redis.set(foreign, 'not ours');
      const before = await snapshot(env.redis);
      const ms = Date.now();
      await expect(
        env.redis.acmeNotifCreate(
          notificationKey,
          keys.index,
          keys.unread,
          keys.events,
          keys.channel,
          keys.prefs,
          'fixed-id',
          ms,
          new Date(ms).toISOString(),
          'task_assignment',
          JSON.stringify({ id: 'fixed-id' }),
          ms - TTL_MS,
          TTL,
          ms - TTL_MS,
          'task_assignment:inApp',
        ),
      ).rejects.toThrow(/WRONGTYPE/);
      expect(await snapshot(env.redis)).toEqual(before);
    }
  });

  it('sets the shared expiry to ttl + 1 % when a key is new, and leaves it until due', async () => {
    const service = env.service({ ttlSeconds: TTL });
    await service.create('bob', taskAssignment(1));
    for (const pttl of await pttls(env.redis)) {
      expect(pttl).toBeGreaterThan(TTL_MS);
      expect(pttl).toBeLessThanOrEqual(TTL_MS + SLACK_MS);
    }
    const [notification] = (await service.list('bob', {})).items;
    const hashTtl = await env.redis.pttl(keys.notification(notification?.id ?? ''));
    expect(hashTtl).toBeGreaterThan(TTL_MS - 5000);
    expect(hashTtl).toBeLessThanOrEqual(TTL_MS);

    // Not due (more than ttl left): a write leaves the expiry alone.
    for (const key of sharedKeys) await env.redis.pexpire(key, TTL_MS + 500);
    await service.create('bob', taskAssignment(2));
    for (const pttl of await pttls(env.redis)) expect(pttl).toBeLessThanOrEqual(TTL_MS + 500);

    // Due (less than ttl left): refreshed, all three together.
    for (const key of sharedKeys) await env.redis.pexpire(key, TTL_MS - 5000);
    await service.create('bob', taskAssignment(3));
    for (const pttl of await pttls(env.redis)) expect(pttl).toBeGreaterThan(TTL_MS);
  });

  it('gives a re-created unread set the shared expiry', async () => {
    const service = env.service({ ttlSeconds: TTL });
    await service.create('bob', taskAssignment(1));
    await service.markAllRead('bob'); // deletes the unread set
    expect(await env.redis.exists(keys.unread)).toBe(0);
    for (const key of [keys.index, keys.events]) await env.redis.pexpire(key, TTL_MS + 500);
    await service.create('bob', taskAssignment(2));
    for (const pttl of await pttls(env.redis)) expect(pttl).toBeGreaterThan(TTL_MS + 500);
  });

  it('refreshes the expiry to exactly ttl on every write when ttl is under 100 s', async () => {
    const service = env.service({ ttlSeconds: 3 });
    await service.create('bob', taskAssignment(1));
    for (const key of sharedKeys) await env.redis.pexpire(key, 60_000);
    await service.create('bob', taskAssignment(2));
    for (const pttl of await pttls(env.redis)) {
      expect(pttl).toBeGreaterThan(2000);
      expect(pttl).toBeLessThanOrEqual(3000);
    }
  });

  it('keeps the expiry of a set whose every old entry is pruned', async () => {
    let now = Date.now();
    const service = env.service({ ttlSeconds: TTL, now: () => now });
    await service.create('bob', taskAssignment(1));
    now += TTL_MS / 2;
    const read = await service.create('bob', taskAssignment(2));
    await service.markRead('bob', read.notification.id);
    // Not due, so the next create does not refresh: the expiries must survive the prune.
    for (const key of sharedKeys) await env.redis.pexpire(key, TTL_MS + 500);
    now += TTL_MS / 2 + 60_000;
    const late = await service.create('bob', taskAssignment(3));
    // The prune removed the unread set's only old entry: the set must not have been re-created.
    expect(await env.redis.zrange(keys.unread, 0, -1)).toEqual([late.notification.id]);
    expect(await env.redis.zrange(keys.index, 0, -1)).toEqual([
      read.notification.id,
      late.notification.id,
    ]);
    for (const pttl of await pttls(env.redis)) {
      expect(pttl).toBeGreaterThan(TTL_MS);
      expect(pttl).toBeLessThanOrEqual(TTL_MS + 500);
    }
  });
});
