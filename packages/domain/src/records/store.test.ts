import { randomUUID } from 'node:crypto';
import { createRedisClient, type RedisClient } from '@acme/redis';
import { startTestRedis, type TestRedis } from '@acme/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readPage } from './pages';
import { createRecordStore, transitionOf, type RecordStore } from './store';

const thingSchema = z.object({ id: z.string(), createdAt: z.string(), name: z.string() });
type Thing = z.infer<typeof thingSchema>;

const errors: unknown[] = [];
const logger = {
  warn: () => undefined,
  error: (obj: object) => {
    errors.push(obj);
  },
};
let testRedis: TestRedis;
let redis: RedisClient;
let store: RecordStore;

beforeAll(async () => {
  testRedis = await startTestRedis();
  redis = createRedisClient(testRedis.target);
  store = createRecordStore(redis, logger);
});
afterAll(async () => {
  await redis.quit();
  await testRedis.stop();
});

const keyOf = (id: string) => `{domain}:test-thing:${id}`;
const allIndex = '{domain}:test-things:all';
const indexesOf = (thing: Thing) => [allIndex, `{domain}:test-things:named:${thing.name}`];
const thing = (name: string, createdAt = new Date().toISOString()): Thing => ({
  id: randomUUID(),
  createdAt,
  name,
});

describe('record store', () => {
  it('writes a record with its index entries, and moves them when it changes', async () => {
    const first = thing('a');
    expect(await store.apply(transitionOf(keyOf, indexesOf, null, first))).toBe('applied');
    const stored = await store.read(thingSchema, keyOf(first.id));
    expect(stored?.value).toEqual(first);
    expect(await redis.zcard('{domain}:test-things:named:a')).toBe(1);

    const renamed = { ...first, name: 'b' };
    const change = transitionOf(keyOf, indexesOf, stored, renamed);
    expect(await store.apply(change)).toBe('applied');
    expect(await redis.zcard('{domain}:test-things:named:a')).toBe(0);
    expect(await redis.zcard('{domain}:test-things:named:b')).toBe(1);

    // The same change again starts from a record that is no longer there: refused.
    expect(await store.apply(change)).toBe('stale');
    expect(await store.revert(change)).toBe('applied');
    expect((await store.read(thingSchema, keyOf(first.id)))?.value).toEqual(first);
    expect(await redis.zcard('{domain}:test-things:named:a')).toBe(1);
  });

  it('refuses a claimed name and releases it with the record', async () => {
    const claimKey = `{domain}:test-name:${randomUUID()}`;
    const first = thing('claimed');
    const claim = { key: claimKey, value: first.id };
    const create = { ...transitionOf(keyOf, indexesOf, null, first), claim };
    expect(await store.apply(create)).toBe('applied');
    const second = thing('claimed');
    const other = {
      ...transitionOf(keyOf, indexesOf, null, second),
      claim: { ...claim, value: second.id },
    };
    expect(await store.apply(other)).toBe('claimed');
    expect(await redis.exists(keyOf(second.id))).toBe(0);

    expect(await store.revert(create)).toBe('applied');
    expect(await redis.exists(claimKey)).toBe(0);
    expect(await store.apply(other)).toBe('applied');
  });

  it('skips and logs a record that does not parse', async () => {
    const key = keyOf(randomUUID());
    await redis.set(key, '{"id":1}');
    const before = errors.length;
    expect(await store.read(thingSchema, key)).toBeNull();
    expect(errors.length).toBe(before + 1);
  });
});

describe('pages', () => {
  it('pages newest first with an opaque cursor, and refuses a forged one', async () => {
    const index = `{domain}:test-things:page:${randomUUID()}`;
    const things = Array.from({ length: 5 }, (_, i) =>
      thing(`p${i}`, new Date(Date.UTC(2026, 0, 1 + i)).toISOString()),
    );
    for (const t of things) {
      await store.apply(transitionOf(keyOf, () => [index], null, t));
    }
    const query = { index, recordKey: keyOf, schema: thingSchema };
    const first = await readPage(store, { ...query, input: { limit: 2 } });
    expect(first.items.map((t) => t.name)).toEqual(['p4', 'p3']);
    const second = await readPage(store, {
      ...query,
      input: { limit: 2, cursor: first.nextCursor },
    });
    expect(second.items.map((t) => t.name)).toEqual(['p2', 'p1']);
    const last = await readPage(store, {
      ...query,
      input: { limit: 2, cursor: second.nextCursor },
    });
    expect(last).toEqual({ items: [things[0]], nextCursor: null });

    const forged = Buffer.from('not a member').toString('base64url');
    await expect(
      readPage(store, { ...query, input: { limit: 2, cursor: forged } }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Invalid cursor',
    });
  });
});
