import { randomUUID } from 'node:crypto';
import type { RedisClient } from '@acme/redis';
import { SignJWT } from 'jose';
import { createUserService, userKey } from '@acme/auth';

export interface BenchUser {
  id: string;
  token: string;
}

/** A user's Redis record as `createUserService(redis).create` writes it. */
interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: string;
  passwordHash: string;
}

/**
 * The same users (ids, records, tokens) on every Redis in `clients`: one redis-server or a
 * cluster alike. The actor (a manager, who creates tasks and groups) is created on the first
 * with the product's own `createUserService(redis).create`. So is a template member; the
 * other members are copies of its Redis record (same fields, same password hash) under new
 * ids and emails, because each `create` costs one scrypt hash (~50 ms of CPU): 10,000 would
 * take minutes on two cores. The other Redis get copies of all of them. Every user is then
 * read back through the product's `getMany` on each, so a record the product would not
 * accept fails the bench here.
 */
export async function createUsers(
  clients: readonly RedisClient[],
  count: number,
  secret: string,
  runId: string,
) {
  const [first, ...others] = clients;
  if (!first) throw new Error('createUsers: no Redis');
  const users = createUserService(first);
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
  const created = await Promise.all([actor, template].map((u) => readRecord(first, u.id)));
  const passwordHash = created[1]?.passwordHash;
  if (!passwordHash) throw new Error('the user record layout changed: no passwordHash field');

  const copies: UserRecord[] = [];
  for (let i = 1; i < count; i += 1) {
    const name = `Bench Member ${i}`;
    const email = `bench-member-${runId}-${i}@bench.test`;
    copies.push({ id: randomUUID(), email, name, role: 'member', passwordHash });
  }
  await writeRecords(first, copies);
  for (const other of others) await writeRecords(other, [...created, ...copies]);

  const ids = [template.id, ...copies.map((u) => u.id)];
  for (const client of clients) {
    const found = await createUserService(client).getMany([actor.id, ...ids]);
    if (found.size !== ids.length + 1) {
      throw new Error(`only ${found.size} of ${ids.length + 1} bench users read back`);
    }
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

async function readRecord(redis: RedisClient, id: string): Promise<UserRecord> {
  const { email, name, role, passwordHash } = await redis.hgetall(userKey(id));
  if (!email || !name || !role || !passwordHash) {
    throw new Error(`the user record layout changed: ${userKey(id)} lacks a field`);
  }
  return { id, email, name, role, passwordHash };
}

/**
 * The records with their email and name indexes, as `create` writes them. Single commands,
 * 1,000 in flight, rather than pipelines: ioredis routes each to its slot's master.
 */
async function writeRecords(redis: RedisClient, records: UserRecord[]): Promise<void> {
  const batch = 1000;
  for (let start = 0; start < records.length; start += batch) {
    await Promise.all(
      records
        .slice(start, start + batch)
        .flatMap((u) => [
          redis.set(`user-email:${u.email}`, u.id, 'NX'),
          redis.hset(userKey(u.id), { ...u }),
          redis.zadd('users', 0, `${u.name.toLowerCase()}\u0000${u.id}`),
        ]),
    );
  }
}
