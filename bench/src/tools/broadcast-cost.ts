/**
 * Broadcast micro-benchmark, in process, against a throwaway real redis-server: a manager
 * creates an approver group of `members` seeded users, every one of whom listens with
 * events(); repeated `rounds` times with the same members (fresh group names).
 *
 *   pnpm exec tsx src/tools/broadcast-cost.ts [rounds=10] [members=1000]
 *
 * Prints the median ms until `approverGroups.create` answers and until the last member has
 * received its notification, and the per-round values.
 */
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { createCaller, type Context } from '@acme/api';
import { createServices } from '@acme/domain';
import { startRedisServer } from '@acme/testing';
import { Redis } from 'ioredis';
import { listen, Tally } from './tally';

type User = NonNullable<Context['user']>;
type Role = User['role'];

const rounds = Number(process.argv[2] ?? 10);
const size = Number(process.argv[3] ?? 1000);

const server = await startRedisServer();
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const redis = new Redis(server.url);
const services = createServices({
  config: {
    jwtSecret: 'bench-secret-that-is-long-enough-for-hs256',
    sessionTtlSeconds: 3600,
    notificationTtlSeconds: 86_400,
    allowedOrigins: [],
    loginLimits: { perEmailAndIp: 100, perIp: 1000, windowSeconds: 60 },
  },
  redis,
  subscriber: new Redis(server.url),
  logger: quiet,
});
const user = (role: Role): User => ({
  id: randomUUID(),
  email: `${randomUUID()}@example.test`,
  name: `Seeded ${role}`,
  role,
});
const manager = user('manager');
const members = Array.from({ length: size }, () => user('approver'));
const seed = redis.pipeline();
for (const u of [manager, ...members]) seed.hset(`user:${u.id}`, u);
await seed.exec();

const stop = new AbortController();
setMaxListeners(0, stop.signal);
const received = new Tally();
const readers = members.map((m) => listen(services.notifications, m.id, stop.signal, received));
await Promise.all(readers.map((r) => r.ready));
const caller = createCaller({
  services,
  req: {
    ip: '127.0.0.1',
    selfOrigin: 'http://127.0.0.1:3000',
    origin: null,
    secFetchSite: null,
    cookieToken: null,
    bearerToken: 'bench',
    setSessionCookie: () => undefined,
    clearSessionCookie: () => undefined,
  },
  user: manager,
  session: {
    userId: manager.id,
    sessionId: 'bench',
    expiresAt: Date.now() + 3_600_000,
    source: 'bearer',
  },
});

const answered: number[] = [];
const last: number[] = [];
for (let i = 0; i < rounds; i += 1) {
  received.reset();
  const t0 = performance.now();
  await caller.approverGroups.create({
    name: `Group ${randomUUID()}`,
    memberIds: members.map((m) => m.id),
  });
  answered.push(performance.now() - t0);
  if (!(await received.reach(size, 30_000))) throw new Error(`${received.count} of ${size}`);
  last.push(received.lastAt - t0);
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;
const ms = (values: number[]) => values.map((v) => Math.round(v));
process.stdout.write(
  `${JSON.stringify({
    members: size,
    answeredMs: Math.round(median(answered)),
    lastMemberMs: Math.round(median(last)),
    rounds: { answered: ms(answered), last: ms(last) },
  })}\n`,
);
stop.abort();
await Promise.all(readers.map((r) => r.done));
await services.notifications.close();
await redis.quit();
await server.stop();
