import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { SignJWT } from 'jose';
import { createUserService } from '@acme/auth';

export interface BenchUser {
  id: string;
  token: string;
}

/**
 * The actor (a manager, who creates tasks and groups) is created with the product's own
 * `createUserService(redis).create`. So is a template member; the other members are copies of
 * its Redis record (same fields, same password hash) under new ids and emails, because each
 * `create` costs one scrypt hash (~50 ms of CPU): 10,000 would take minutes on two cores.
 * Every copy is then read back through the product's `getMany`, so a record the product
 * would not accept fails the bench here.
 */
export async function createUsers(redis: Redis, count: number, secret: string, runId: string) {
  const users = createUserService(redis);
  const password = 'bench-password';
  const actor = await users.create({
    email: `bench-actor-${runId}@bench.test`,
    name: 'Bench Manager',
    role: 'manager',
    password,
  });
  const template = await users.create({
    email: `bench-member-${runId}-0@bench.test`,
    name: 'Bench Member 0',
    role: 'member',
    password,
  });
  const stored = await redis.hgetall(`user:${template.id}`);
  const passwordHash = stored.passwordHash;
  if (!passwordHash) throw new Error('the user record layout changed: no passwordHash field');

  const ids = [template.id];
  const batch = 1000;
  for (let start = 1; start < count; start += batch) {
    const pipeline = redis.pipeline();
    for (let i = start; i < Math.min(count, start + batch); i += 1) {
      const id = randomUUID();
      const email = `bench-member-${runId}-${i}@bench.test`;
      const name = `Bench Member ${i}`;
      pipeline.set(`user-email:${email}`, id, 'NX');
      pipeline.hset(`user:${id}`, { id, email, name, role: 'member', passwordHash });
      pipeline.zadd('users', 0, `${name.toLowerCase()}\u0000${id}`);
      ids.push(id);
    }
    await pipeline.exec();
  }
  const found = await users.getMany(ids);
  if (found.size !== ids.length) {
    throw new Error(`only ${found.size} of ${ids.length} bench users read back`);
  }

  const key = new TextEncoder().encode(secret);
  const sign = async (sub: string) => {
    const iat = Math.floor(Date.now() / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(sub)
      .setJti(randomUUID())
      .setIssuer('acme-notifications')
      .setIssuedAt(iat)
      .setExpirationTime(iat + 6 * 3600)
      .sign(key);
  };
  const members: BenchUser[] = [];
  for (const id of ids) members.push({ id, token: await sign(id) });
  return { actor: { id: actor.id, token: await sign(actor.id) }, members };
}
