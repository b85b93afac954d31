import { randomUUID } from 'node:crypto';
import { confirmNothing, pipelinePerNode, type ConfirmWrites, type RedisClient } from '@acme/redis';
import { AppError, userSchema, type CreateUserInput, type Role, type User } from '@acme/contracts';
import { decoyHash, hashPassword, verifyPassword } from './passwords';

/** The hash holding a user (the User fields plus passwordHash). */
export const userKey = (id: string) => `user:${id}`;

const keys = {
  user: userKey,
  byEmail: (email: string) => `user-email:${email}`,
  all: 'users',
};

export class UserExistsError extends AppError {
  override readonly name = 'UserExistsError';

  constructor(email: string) {
    super('CONFLICT', `A user with email ${email} already exists`);
  }
}

export interface UserService {
  create(input: CreateUserInput): Promise<User>;
  get(id: string): Promise<User | null>;
  getMany(ids: readonly string[]): Promise<Map<string, User>>;
  /**
   * The ids among `ids` that have a user record. Users are never deleted, so an id once found
   * is remembered per process; the others cost one pipeline of EXISTS per Redis master.
   */
  existing(ids: readonly string[]): Promise<Set<string>>;
  list(): Promise<User[]>;
  /** The user when the password matches; null otherwise, in constant-ish time. */
  authenticate(email: string, password: string): Promise<User | null>;
}

/** A user from their hash as HGETALL returns it; null if absent (empty) or unreadable. */
export function parseUserHash(hash: unknown): User | null {
  const parsed = userSchema.safeParse(hash);
  return parsed.success ? parsed.data : null;
}

const toUser = parseUserHash;

/** Ids remembered per process as existing (~0.5 MB at most). */
const KNOWN_USERS = 10_000;

export function createUserService(
  redis: RedisClient,
  confirm: ConfirmWrites = confirmNothing,
): UserService {
  const get = async (id: string) => toUser(await redis.hgetall(keys.user(id)));
  // Ids seen to exist, oldest first out. Sound only because users are never deleted: a
  // deleting or disabling feature must drop the id here too.
  const known = new Set<string>();
  const remember = (id: string) => {
    known.add(id);
    if (known.size > KNOWN_USERS) known.delete(known.values().next().value ?? id);
    return id;
  };
  return {
    async create(input) {
      const id = randomUUID();
      const passwordHash = await hashPassword(input.password);
      // SET NX on the email index makes the uniqueness check and the claim one step.
      const claimed = await redis.set(keys.byEmail(input.email), id, 'NX');
      if (claimed === null) throw new UserExistsError(input.email);
      const user: User = { id, email: input.email, name: input.name, role: input.role };
      // Three slots on a cluster, so no MULTI: undone if any step fails.
      try {
        await redis.hset(keys.user(id), { ...user, passwordHash });
        await redis.zadd(keys.all, 0, `${input.name.toLowerCase()}\u0000${id}`);
        await confirm([keys.byEmail(input.email), keys.user(id), keys.all]);
      } catch (err) {
        await Promise.allSettled([
          redis.del(keys.user(id)),
          redis.zrem(keys.all, `${input.name.toLowerCase()}\u0000${id}`),
        ]);
        await redis.del(keys.byEmail(input.email)).catch(() => undefined);
        throw err;
      }
      return user;
    },
    get,
    async getMany(ids) {
      const found = new Map<string, User>();
      const replies = await pipelinePerNode(redis, [...new Set(ids)], keys.user, (p, id) =>
        p.hgetall(keys.user(id)),
      );
      for (const { value } of replies) {
        const user = toUser(value);
        if (user) found.set(user.id, user);
      }
      return found;
    },
    async existing(ids) {
      const unique = [...new Set(ids)];
      const found = new Set(unique.filter((id) => known.has(id)));
      const unknown = unique.filter((id) => !found.has(id));
      // One id (a task's assignee, on every tasks.create): one command, no Pipeline object.
      const only = unknown.length === 1 ? unknown[0] : undefined;
      if (only !== undefined) {
        if ((await redis.exists(keys.user(only))) === 1) found.add(remember(only));
        return found;
      }
      if (unknown.length === 0) return found;
      const replies = await pipelinePerNode(redis, unknown, keys.user, (p, id) =>
        p.exists(keys.user(id)),
      );
      for (const { item, error, value } of replies) {
        if (error) throw error;
        if (value === 1) found.add(remember(item));
      }
      return found;
    },
    async list() {
      const members = await redis.zrange(keys.all, 0, -1);
      const ids = members.map((m) => m.slice(m.indexOf('\u0000') + 1));
      const users = await this.getMany(ids);
      return ids.flatMap((id) => users.get(id) ?? []);
    },
    async authenticate(email, password) {
      const id = await redis.get(keys.byEmail(email));
      const stored = id ? await redis.hget(keys.user(id), 'passwordHash') : null;
      const ok = await verifyPassword(password, stored ?? (await decoyHash()));
      if (!ok || !id || !stored) return null;
      return get(id);
    },
  };
}

/**
 * `count` users written straight in this layout, without a password (they cannot sign in)
 * and without the email and name indexes: for tests and benchmarks that need thousands of
 * users, which `create` would spend ~50 ms of scrypt each on.
 */
export async function seedUsers(redis: RedisClient, count: number, role: Role): Promise<User[]> {
  const users: User[] = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    email: `${randomUUID()}@example.test`,
    name: `Seeded ${role} ${i}`,
    role,
  }));
  const replies = await pipelinePerNode(
    redis,
    users,
    (u) => keys.user(u.id),
    (p, user) => p.hset(keys.user(user.id), user),
  );
  const failed = replies.find((r) => r.error);
  if (failed?.error) throw failed.error;
  return users;
}
