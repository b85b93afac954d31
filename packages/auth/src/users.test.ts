import { startRedisServer, type RedisServerHandle } from '@acme/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserService, type UserService } from './users';

let server: RedisServerHandle;
let redis: Redis;
let users: UserService;

/** EXISTS commands Redis has run so far. */
async function existsCalls(): Promise<number> {
  const stats = await redis.info('commandstats');
  return Number(/cmdstat_exists:calls=(\d+)/.exec(stats)?.[1] ?? 0);
}

const newUser = (name: string) =>
  users.create({ email: `${name}@example.com`, name, role: 'sales', password: 'password-123' });

beforeAll(async () => {
  server = await startRedisServer();
  redis = new Redis(server.url);
  users = createUserService(redis);
});

afterAll(async () => {
  await redis.quit();
  await server.stop();
});

describe('users.existing', () => {
  it('finds the ids that have a user, and only those', async () => {
    const [a, b] = [await newUser('ana'), await newUser('ben')];
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(await users.existing([a.id, b.id, missing, a.id])).toEqual(new Set([a.id, b.id]));
    expect(await users.existing([missing])).toEqual(new Set());
  });

  it('asks Redis once per found id, and again each time for an id not found', async () => {
    const before = await existsCalls();
    const c = await newUser('cleo');
    expect(await users.existing([c.id])).toEqual(new Set([c.id]));
    expect(await users.existing([c.id])).toEqual(new Set([c.id]));
    expect(await existsCalls()).toBe(before + 1);

    const missing = '00000000-0000-4000-8000-000000000001';
    await users.existing([missing]);
    await users.existing([missing, c.id]);
    expect(await existsCalls()).toBe(before + 3);
  });
});
