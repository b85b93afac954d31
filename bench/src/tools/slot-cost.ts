/**
 * What the two slots every process shares cost per operation. `{domain}` (every task, lead,
 * group and reminder record with its indexes) and `{bullmq}` (the reminder queue) each live
 * on one master however many shards the cluster has, so their cost per operation sets a
 * ceiling that adding shards does not lift.
 *
 *   pnpm exec tsx src/tools/slot-cost.ts [ops=2000] [groupMembers=1000]
 *
 * On a throwaway Redis Cluster of 3 masters (no replicas) with `{bullmq}`'s slot moved off
 * `{domain}`'s master, so that each master holds one of: `{domain}`, `{bullmq}`, the users
 * (the actor, the assignee and the group members are picked so that their keys are there;
 * the seeded users that were not picked stay, idle, wherever they hash). Through the
 * product's in-process API (the tRPC caller over createServices on an ioredis Cluster):
 * - `tasks.create` with an assignee, `ops` times, 16 in flight;
 * - `approverGroups.create` with `groupMembers` members, 5 times;
 * - `reminders.schedule` (the record, then a delayed BullMQ job), `ops` times;
 * - the same reminders firing (the BullMQ worker: job moves, the record's transition, one
 *   notification each), the worker started once they are all due.
 * Prints, per operation and master, Redis commands and Redis CPU per operation, as Markdown.
 * The actor's session check (one EXISTS per call) lands on whichever master its key hashes to.
 */
import { setMaxListeners } from 'node:events';
import { createCaller, createContextFactory } from '@acme/api';
import { createReminderScheduler, createServices } from '@acme/domain';
import { duplicateForSubscribing } from '@acme/redis';
import { startRedisCluster, type RedisClusterHandle } from '@acme/testing';
import { Cluster, Redis } from 'ioredis';
import { costBetween, snapshot, type Master, type RedisCost } from '../redis-stats';
import { benchRequest, benchServicesConfig, quiet, seedUsers, type User } from './in-process';
import { listen, Tally } from './tally';

const [opsArg, membersArg] = process.argv.slice(2);
const ops = Number(opsArg ?? 2000);
const groupMembers = Number(membersArg ?? 1000);
const CONCURRENCY = 16;

/** Masters labelled `{domain}`, `{bullmq}` and `users`, one role each. */
async function separateSlots(cluster: RedisClusterHandle): Promise<Master[]> {
  const { masters } = await cluster.topology();
  const domain = await cluster.masterFor('{domain}');
  if ((await cluster.masterFor('{bullmq}')) === domain) {
    const to = masters.find((p) => p !== domain);
    if (to === undefined) throw new Error('one master only');
    await cluster.migrateSlotOf('{bullmq}', to);
  }
  const bullmq = await cluster.masterFor('{bullmq}');
  const label = (port: number) =>
    port === domain ? '{domain}' : port === bullmq ? '{bullmq}' : 'users';
  return masters.map((port) => ({
    name: label(port),
    info: new Redis({ host: '127.0.0.1', port }),
    holds: [label(port)],
  }));
}

/** `count` users of `role` all of whose keys hash to the master labelled `users`. */
async function usersOnUsersMaster(
  redis: Cluster,
  masters: Master[],
  role: User['role'],
  count: number,
): Promise<User[]> {
  const users = masters.find((m) => m.name === 'users');
  if (!users) throw new Error('no users master');
  const node = `${users.info.options.host ?? ''}:${users.info.options.port ?? 0}`;
  const picked: User[] = [];
  while (picked.length < count) {
    const candidates = await seedUsers(redis, Math.max(30, (count - picked.length) * 12), role);
    const pipeline = users.info.pipeline();
    for (const u of candidates) {
      pipeline.cluster('KEYSLOT', `user:${u.id}`);
      pipeline.cluster('KEYSLOT', `{u:${u.id}}`);
    }
    const slots = ((await pipeline.exec()) ?? []).map(([, slot]) => Number(slot));
    const here = (i: number) => redis.slots[slots[i] ?? -1]?.[0] === node;
    picked.push(...candidates.filter((_, i) => here(2 * i) && here(2 * i + 1)));
  }
  return picked.slice(0, count);
}

async function measure(masters: Master[], work: () => Promise<unknown>) {
  const before = await snapshot(masters);
  await work();
  return costBetween(before, await snapshot(masters));
}

async function inFlight(count: number, one: (i: number) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await one(next++);
    }),
  );
}

function rows(operation: string, cost: RedisCost, per: number): string[] {
  return cost.perMaster.map((m) => {
    const top = Object.entries(m.perCommand)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([c, n]) => `${c} ${(n / per).toFixed(2)}`)
      .join(', ');
    return (
      `| ${operation} | ${m.name} | ${(m.commands / per).toFixed(2)} | ` +
      `${(m.cpuMs / per).toFixed(3)} | ${top} |`
    );
  });
}

const cluster = await startRedisCluster({ masters: 3, replicasPerMaster: 0 });
const stop = new AbortController();
setMaxListeners(0, stop.signal);
try {
  const masters = await separateSlots(cluster);
  const nodes = cluster.nodes.map(({ host, port }) => ({ host, port }));
  const redis = new Cluster(nodes);
  await redis.ping();
  const subscriber = duplicateForSubscribing(redis);
  const services = createServices({
    config: benchServicesConfig,
    redis,
    subscriber,
    logger: quiet,
  });
  const [manager] = await usersOnUsersMaster(redis, masters, 'manager', 1);
  const [assignee] = await usersOnUsersMaster(redis, masters, 'member', 1);
  if (!manager || !assignee) throw new Error('seed failed');
  const { token } = await services.tokens.sign(manager.id);
  const createContext = createContextFactory(services);
  const call = async () => createCaller(await createContext(benchRequest(token)));
  const received = new Tally();
  const listening = listen(services.notifications, assignee.id, stop.signal, received);
  await listening.ready;
  const table: string[] = [];

  const createTask = async (i: number) =>
    (await call()).tasks.create({ title: `Task ${i}`, assigneeId: assignee.id });
  await inFlight(200, createTask); // warm-up
  const tasks = await measure(masters, () => inFlight(ops, createTask));
  table.push(...rows('tasks.create (with an assignee)', tasks, ops));

  const members = await usersOnUsersMaster(redis, masters, 'approver', groupMembers);
  const memberIds = members.map((m) => m.id);
  const groups = 5;
  const group = await measure(masters, async () => {
    for (let i = 0; i < groups; i += 1) {
      await (await call()).approverGroups.create({ name: `Group ${i}`, memberIds });
    }
  });
  table.push(...rows(`approverGroups.create (${groupMembers} members)`, group, groups));

  const task = await createTask(-1);
  received.reset();
  let lastDue = 0;
  const schedule = async () => {
    lastDue = Date.now() + 1500;
    await (
      await call()
    ).reminders.schedule({ taskId: task.id, remindAt: new Date(lastDue).toISOString() });
  };
  const scheduled = await measure(masters, () => inFlight(ops, schedule));
  table.push(...rows('reminders.schedule', scheduled, ops));

  await new Promise((r) => setTimeout(r, Math.max(0, lastDue - Date.now()) + 500));
  const scheduler = createReminderScheduler({
    redis,
    notifications: services.notifications,
    logger: quiet,
  });
  const fired = await measure(masters, async () => {
    await scheduler.start();
    if (!(await received.reach(ops, 120_000))) throw new Error(`${received.count} fired`);
  });
  table.push(...rows('a reminder firing (BullMQ worker)', fired, ops));
  await scheduler.close();

  process.stdout.write(
    [
      `Per operation (${ops} tasks and reminders, ${groups} groups), Redis 3 masters, no replicas;` +
        ' commands include those run by Lua scripts.',
      '',
      '| operation | master | Redis commands | Redis CPU (ms) | most frequent commands |',
      '| --- | --- | ---: | ---: | --- |',
      ...table,
      '',
    ].join('\n'),
  );
  stop.abort();
  await listening.done;
  await services.notifications.close();
  await Promise.all(
    [redis, subscriber, ...masters.map((m) => m.info)].map((c) => c.quit().catch(() => undefined)),
  );
} finally {
  await cluster.stop();
}
