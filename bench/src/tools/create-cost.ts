/**
 * Micro-benchmark of the product's create paths, in process, against a throwaway real
 * redis-server: the API's own services, context factory and tRPC caller (token verification,
 * session/user lookup, middleware, domain write, notification script, live delivery to an
 * in-process events() reader), without the HTTP adapter.
 *
 *   pnpm exec tsx src/tools/create-cost.ts [reps=5] [creates=2000] [members=1000]
 *
 * Per repetition:
 * - `tasks.create` with an assignee, `creates` sequential calls then `creates` more from 16
 *   concurrent callers (after a warm-up), each with a fresh context from a Bearer token as
 *   the server builds it; the assignee listens with events(). Reports Node CPU (user+sys of
 *   this process) and Redis CPU (INFO used_cpu_*) per create, and wall time per create.
 * - `approverGroups.create` with `members` members, each listening with events(): ms until
 *   the call answers and until the last member received its notification.
 * Prints per-repetition lines, then medians.
 */
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { createCaller, createContextFactory, type Context, type RequestInfo } from '@acme/api';
import { createServices } from '@acme/domain';
import { startRedisServer } from '@acme/testing';
import { Redis } from 'ioredis';
import { listen, Tally } from './tally';

type User = NonNullable<Context['user']>;
type Role = User['role'];

const [repsArg, createsArg, membersArg] = process.argv.slice(2);
const reps = Number(repsArg ?? 5);
const creates = Number(createsArg ?? 2000);
const members = Number(membersArg ?? 1000);
const CONCURRENCY = 16;

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

function request(token: string): RequestInfo {
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

async function seedUsers(redis: Redis, count: number, role: Role): Promise<User[]> {
  const users: User[] = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    email: `${randomUUID()}@example.test`,
    name: `Seeded ${role} ${i}`,
    role,
  }));
  const pipeline = redis.pipeline();
  for (const user of users) pipeline.hset(`user:${user.id}`, user);
  await pipeline.exec();
  return users;
}

async function redisCpuMs(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const field = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 0);
  return (field('used_cpu_user') + field('used_cpu_sys')) * 1000;
}

const nodeCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Listens as `userId` until aborted; calls `onNotification` per created notification. */
interface Sample {
  nodeMs: number;
  redisMs: number;
  wallMs: number;
}

async function measureCreates(
  command: Redis,
  create: () => Promise<unknown>,
  count: number,
  concurrency: number,
): Promise<Sample> {
  const redis0 = await redisCpuMs(command);
  const node0 = nodeCpuMs();
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next += 1;
        await create();
      }
    }),
  );
  const wall = performance.now() - t0;
  const node = nodeCpuMs() - node0;
  const redis = (await redisCpuMs(command)) - redis0;
  return { nodeMs: node / count, redisMs: redis / count, wallMs: wall / count };
}

async function rep(i: number) {
  const server = await startRedisServer();
  const connections: Redis[] = [];
  const connect = () => {
    const c = new Redis(server.url);
    connections.push(c);
    return c;
  };
  const redis = connect();
  const services = createServices({
    config: {
      jwtSecret: 'bench-secret-that-is-long-enough-for-hs256',
      sessionTtlSeconds: 3600,
      notificationTtlSeconds: 86_400,
      allowedOrigins: [],
      loginLimits: { perEmailAndIp: 100, perIp: 1000, windowSeconds: 60 },
    },
    redis,
    subscriber: connect(),
    logger: quiet,
  });
  const command = connect();
  const createContext = createContextFactory(services);
  const [manager] = await seedUsers(redis, 1, 'manager');
  const [assignee] = await seedUsers(redis, 1, 'member');
  if (!manager || !assignee) throw new Error('seed failed');
  const { token } = await services.tokens.sign(manager.id);
  const req = request(token);
  const call = async () => createCaller(await createContext(req));

  const stop = new AbortController();
  setMaxListeners(0, stop.signal);
  const received = new Tally();
  const listening = listen(services.notifications, assignee.id, stop.signal, received);
  await listening.ready;
  let n = 0;
  const createTask = async () =>
    (await call()).tasks.create({ title: `Task ${(n += 1)}`, assigneeId: assignee.id });

  await measureCreates(command, createTask, 500, 1); // warm-up
  const sequential = await measureCreates(command, createTask, creates, 1);
  const concurrent = await measureCreates(command, createTask, creates, CONCURRENCY);
  const expected = 500 + 2 * creates;
  if (!(await received.reach(expected, 10_000)) || received.count !== expected) {
    throw new Error(`assignee received ${received.count} of ${expected}`);
  }

  // Broadcast: every member listens.
  const group = await seedUsers(redis, members, 'approver');
  const got = new Tally();
  const readers = group.map((m) => listen(services.notifications, m.id, stop.signal, got));
  await Promise.all(readers.map((r) => r.ready));
  const caller = await call();
  const node0 = nodeCpuMs();
  const t0 = performance.now();
  await caller.approverGroups.create({
    name: `Group ${randomUUID()}`,
    memberIds: group.map((m) => m.id),
  });
  const answeredMs = performance.now() - t0;
  if (!(await got.reach(members, 30_000))) throw new Error(`${got.count} of ${members} members`);
  const broadcast = { answeredMs, lastMemberMs: got.lastAt - t0, nodeCpuMs: nodeCpuMs() - node0 };

  stop.abort();
  await Promise.all([listening, ...readers].map((r) => r.done));
  await services.notifications.close();
  await Promise.all(connections.map((c) => c.quit().catch(() => undefined)));
  await server.stop();
  const result = { rep: i, sequential, concurrent, broadcast };
  process.stdout.write(
    `${JSON.stringify(result, (_, v: unknown) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : v))}\n`,
  );
  return result;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

const results: Awaited<ReturnType<typeof rep>>[] = [];
for (let i = 1; i <= reps; i += 1) results.push(await rep(i));
const m = (pick: (r: (typeof results)[number]) => number) =>
  Math.round(median(results.map(pick)) * 1000) / 1000;
process.stdout.write(
  `${JSON.stringify(
    {
      medians: {
        sequential: {
          nodeCpuMsPerCreate: m((r) => r.sequential.nodeMs),
          redisCpuMsPerCreate: m((r) => r.sequential.redisMs),
          wallMsPerCreate: m((r) => r.sequential.wallMs),
        },
        concurrent: {
          nodeCpuMsPerCreate: m((r) => r.concurrent.nodeMs),
          redisCpuMsPerCreate: m((r) => r.concurrent.redisMs),
          wallMsPerCreate: m((r) => r.concurrent.wallMs),
        },
        broadcast: {
          answeredMs: m((r) => r.broadcast.answeredMs),
          lastMemberMs: m((r) => r.broadcast.lastMemberMs),
          nodeCpuMs: m((r) => r.broadcast.nodeCpuMs),
        },
      },
    },
    null,
    2,
  )}\n`,
);
