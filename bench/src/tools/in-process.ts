import { randomUUID } from 'node:crypto';
import type { Context, createCaller, RequestInfo } from '@acme/api';
import { createServices, type ServicesConfig } from '@acme/domain';
import { Redis } from 'ioredis';
import type { Tally } from './tally';

/** For the in-process tools: the product's API without its HTTP server. */

export type User = NonNullable<Context['user']>;
export type Role = User['role'];
export type Caller = ReturnType<typeof createCaller>;

export const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Services config for the in-process tools, with login limits a tool never reaches. */
export const benchServicesConfig = {
  jwtSecret: 'bench-secret-that-is-long-enough-for-hs256',
  sessionTtlSeconds: 3600,
  notificationTtlSeconds: 86_400,
  allowedOrigins: [],
  loginLimits: { perEmailAndIp: 100, perIp: 1000, windowSeconds: 60 },
} satisfies ServicesConfig;

/** The API's services on the Redis at `url`, silent, with login limits a tool never reaches. */
export function createBenchServices(url: string) {
  const connections: Redis[] = [];
  const connect = () => {
    const c = new Redis(url);
    connections.push(c);
    return c;
  };
  const redis = connect();
  const services = createServices({
    config: benchServicesConfig,
    redis,
    subscriber: connect(),
    logger: quiet,
  });
  return {
    services,
    /** the services' command connection */
    redis,
    /** another connection, closed with the services */
    connect,
    async close(): Promise<void> {
      await services.notifications.close();
      await Promise.all(connections.map((c) => c.quit().catch(() => undefined)));
    },
  };
}

/** A request as the server describes it to the API, with a Bearer token. */
export function benchRequest(token: string): RequestInfo {
  return {
    ip: '127.0.0.1',
    selfOrigin: 'http://127.0.0.1:3000',
    origin: null,
    secFetchSite: null,
    cookieToken: null,
    bearerToken: token,
    setSessionCookie: () => undefined,
    clearSessionCookie: () => undefined,
  };
}

/** Users written straight to Redis, without a password: the tools never log in. */
export { seedUsers } from '@acme/auth';

/**
 * One `approverGroups.create` of `members`, who all listen into `received` (reset first):
 * ms until the call answers and until the last member has its notification.
 */
export async function createGroup(caller: Caller, members: User[], received: Tally) {
  received.reset();
  const t0 = performance.now();
  await caller.approverGroups.create({
    name: `Group ${randomUUID()}`,
    memberIds: members.map((m) => m.id),
  });
  const answeredMs = performance.now() - t0;
  if (!(await received.reach(members.length, 30_000))) {
    throw new Error(`${received.count} of ${members.length} members`);
  }
  return { answeredMs, lastMemberMs: received.lastAt - t0 };
}
