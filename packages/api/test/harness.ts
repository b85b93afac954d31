import { randomUUID } from 'node:crypto';
import type { Role, User } from '@acme/contracts';
import { createRedisClient, duplicateForSubscribing, type RedisClient } from '@acme/redis';
import { startTestRedis, type TestRedis } from '@acme/testing';
import { seedUsers } from '@acme/auth';
import { createServices, type Services, type ServicesConfig } from '@acme/domain';
import type { Context, RequestInfo } from '../src/context';
import { createCaller } from '../src/root';

export const testConfig: ServicesConfig = {
  jwtSecret: 'test-secret-that-is-long-enough-for-hs256',
  sessionTtlSeconds: 3600,
  notificationTtlSeconds: 86_400,
  allowedOrigins: [],
  loginLimits: { perEmailAndIp: 100, perIp: 1000, windowSeconds: 60 },
};

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  msg: string;
  obj: object;
}

/** Keeps what was logged, so tests can assert on it and the output stays quiet. */
export function createTestLogger() {
  const entries: LogEntry[] = [];
  const at =
    (level: LogEntry['level']) =>
    (obj: object, msg: string): void => {
      entries.push({ level, msg, obj });
    };
  return { entries, info: at('info'), warn: at('warn'), error: at('error') };
}

/** What the HTTP adapter would hand over for a Bearer-authenticated, same-origin call. */
const request: RequestInfo = {
  ip: '127.0.0.1',
  selfOrigin: 'http://127.0.0.1:3000',
  origin: null,
  secFetchSite: null,
  cookieToken: null,
  bearerToken: 'test-token',
  setSessionCookie: () => undefined,
  clearSessionCookie: () => undefined,
};

export function contextFor(services: Services, user: User): Context {
  return {
    services,
    req: request,
    user,
    session: {
      userId: user.id,
      sessionId: randomUUID(),
      expiresAt: Date.now() + 3_600_000,
      source: 'bearer',
    },
  };
}

export function callerFor(services: Services, user: User, signal?: AbortSignal) {
  return createCaller(contextFor(services, user), signal ? { signal } : undefined);
}

export type Caller = ReturnType<typeof callerFor>;

export interface Harness {
  /** One redis-server, or a 3+3 cluster under ACME_TEST_REDIS=cluster. */
  testRedis: TestRedis;
  /** The command connection the services use. */
  redis: RedisClient;
  services: Services;
  logger: ReturnType<typeof createTestLogger>;
  /** A new connection to the test Redis, closed by close(). */
  connect(): RedisClient;
  /** A new connection for a notification service's live bus (sharded on a cluster). */
  connectSubscriber(): RedisClient;
  /**
   * A connection that was up and has been closed: Redis lost, as a service holding it sees
   * it. It connects first because a Cluster that never learnt its slots holds a pipeline
   * until it is ready, which an ended one never is.
   */
  connectLost(): Promise<RedisClient>;
  /** A fresh user, so every test starts with an empty inbox. */
  newUser(role: Role, name?: string): Promise<User>;
  /**
   * Many users at once, written straight in the users service's layout: creating them
   * through it would spend ~50 ms of scrypt each on passwords these tests never use.
   */
  seedUsers(count: number, role: Role): Promise<User[]>;
  as(user: User, signal?: AbortSignal): Caller;
  close(): Promise<void>;
}

/**
 * A real Redis (see startTestRedis) and the API's services wired to it, as the server does:
 * its clients, subscriber included, are made by @acme/redis from the same target.
 */
export async function startHarness(): Promise<Harness> {
  const testRedis = await startTestRedis();
  const connections: RedisClient[] = [];
  const track = (redis: RedisClient) => {
    connections.push(redis);
    return redis;
  };
  const connect = () => track(createRedisClient(testRedis.target));
  const connectSubscriber = () =>
    track(duplicateForSubscribing(createRedisClient(testRedis.target)));
  const logger = createTestLogger();
  const redis = connect();
  const services = createServices({
    config: testConfig,
    redis,
    subscriber: connectSubscriber(),
    logger,
  });
  return {
    testRedis,
    redis,
    services,
    logger,
    connect,
    connectSubscriber,
    async connectLost() {
      const lost = connect();
      await lost.connect();
      await lost.quit();
      return lost;
    },
    async newUser(role, name = `${role} ${randomUUID().slice(0, 8)}`) {
      const email = `${randomUUID()}@example.test`;
      return services.users.create({ email, name, role, password: 'test-password' });
    },
    seedUsers: (count, role) => seedUsers(redis, count, role),
    as: (user, signal) => callerFor(services, user, signal),
    async close() {
      await services.notifications.close();
      await Promise.all(connections.map((c) => c.quit().catch(() => undefined)));
      await testRedis.stop();
    },
  };
}
