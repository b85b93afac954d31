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
import { setMaxListeners } from 'node:events';
import { createCaller, createContextFactory } from '@acme/api';
import { startRedisServer } from '@acme/testing';
import type { Redis } from 'ioredis';
import { redisCpuMs } from '../redis-stats';
import {
  benchRequest,
  createBenchServices,
  createGroup,
  seedUsers,
  type Caller,
} from './in-process';
import { listen, Tally } from './tally';

const [repsArg, createsArg, membersArg] = process.argv.slice(2);
const reps = Number(repsArg ?? 5);
const creates = Number(createsArg ?? 2000);
const members = Number(membersArg ?? 1000);
const CONCURRENCY = 16;

const nodeCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** CPU (this process, Redis) and wall time per create. */
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

type Api = ReturnType<typeof createBenchServices>;

/** `tasks.create` for one listening assignee: a warm-up, then sequential, then concurrent. */
async function measureTasks(api: Api, call: () => Promise<Caller>, signal: AbortSignal) {
  const command = api.connect();
  const [assignee] = await seedUsers(api.redis, 1, 'member');
  if (!assignee) throw new Error('seed failed');
  const received = new Tally();
  const listening = listen(api.services.notifications, assignee.id, signal, received);
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
  return { sequential, concurrent, listening };
}

/** Broadcast: one group of `members`, every one of whom listens. */
async function measureGroup(api: Api, caller: Caller, signal: AbortSignal) {
  const group = await seedUsers(api.redis, members, 'approver');
  const got = new Tally();
  const readers = group.map((m) => listen(api.services.notifications, m.id, signal, got));
  await Promise.all(readers.map((r) => r.ready));
  const node0 = nodeCpuMs();
  const times = await createGroup(caller, group, got);
  return { cost: { ...times, nodeCpuMs: nodeCpuMs() - node0 }, readers };
}

async function rep(i: number) {
  const server = await startRedisServer();
  const api = createBenchServices(server.url);
  const stop = new AbortController();
  setMaxListeners(0, stop.signal);
  const [manager] = await seedUsers(api.redis, 1, 'manager');
  if (!manager) throw new Error('seed failed');
  const { token } = await api.services.tokens.sign(manager.id);
  const createContext = createContextFactory(api.services);
  const req = benchRequest(token);
  const call = async () => createCaller(await createContext(req));

  const tasks = await measureTasks(api, call, stop.signal);
  const broadcast = await measureGroup(api, await call(), stop.signal);
  stop.abort();
  await Promise.all([tasks.listening, ...broadcast.readers].map((r) => r.done));
  await api.close();
  await server.stop();
  const { sequential, concurrent } = tasks;
  const result = { rep: i, sequential, concurrent, broadcast: broadcast.cost };
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
