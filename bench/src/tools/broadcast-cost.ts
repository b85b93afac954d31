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
import { setMaxListeners } from 'node:events';
import { createCaller } from '@acme/api';
import { startRedisServer } from '@acme/testing';
import { benchRequest, createBenchServices, createGroup, seedUsers } from './in-process';
import { listen, Tally } from './tally';

const rounds = Number(process.argv[2] ?? 10);
const size = Number(process.argv[3] ?? 1000);

const server = await startRedisServer();
const api = createBenchServices(server.url);
const { services } = api;
const [manager] = await seedUsers(api.redis, 1, 'manager');
if (!manager) throw new Error('seed failed');
const members = await seedUsers(api.redis, size, 'approver');

const stop = new AbortController();
setMaxListeners(0, stop.signal);
const received = new Tally();
const readers = members.map((m) => listen(services.notifications, m.id, stop.signal, received));
await Promise.all(readers.map((r) => r.ready));
const caller = createCaller({
  services,
  req: benchRequest('bench'),
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
  const round = await createGroup(caller, members, received);
  answered.push(round.answeredMs);
  last.push(round.lastMemberMs);
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
await api.close();
await server.stop();
