import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task, User } from '@acme/contracts';
import {
  getFreePort,
  SERVER_MAIN,
  startBuiltServer,
  startTestRedis,
  type BuiltServer,
  type TestRedis,
} from '@acme/testing';
import { explain } from './cli/errors';
import { createNotificationsClient, TRPCClientError, type NotificationsClient } from './index';
import {
  assignedTaskId,
  recordEvents,
  startTcpProxy,
  strictlyIncreasing,
  type EventRecorder,
  type TcpProxy,
} from './test-support';

const PASSWORD = 'demo-password';
const SERVER_ENV = { DEMO: '1', JWT_SECRET: 'x'.repeat(48), LOG_LEVEL: 'warn' };

let redis: TestRedis | undefined;
const servers: BuiltServer[] = [];
const proxies: TcpProxy[] = [];
const recorders: EventRecorder[] = [];
let server: BuiltServer;
let url = '';
let manager: NotificationsClient;
let sales: NotificationsClient;
let salesUser: User;

async function startServer(): Promise<BuiltServer> {
  if (!redis) throw new Error('test Redis not started');
  const server = await startBuiltServer({ env: { ...SERVER_ENV, ...redis.env } });
  servers.push(server);
  return server;
}

async function tokenFor(email: string): Promise<string> {
  const anonymous = createNotificationsClient({ url, token: '' });
  return (await anonymous.auth.createToken.mutate({ email, password: PASSWORD })).accessToken;
}

function record(client: NotificationsClient, lastEventId?: string): EventRecorder {
  const recorder = recordEvents(client, lastEventId === undefined ? undefined : { lastEventId });
  recorders.push(recorder);
  return recorder;
}

/** The manager assigns a new task to the sales user, which notifies them. */
function assignToSales(title: string): Promise<Task> {
  return manager.tasks.create.mutate({ title, assigneeId: salesUser.id });
}

/** The rejection of `promise`, which must reject. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (err: unknown) => err,
  );
}

beforeAll(async () => {
  if (!existsSync(SERVER_MAIN)) {
    throw new Error(`${SERVER_MAIN} is missing: run \`turbo run build --filter=@acme/server\``);
  }
  redis = await startTestRedis();
  server = await startServer();
  url = server.url;
  manager = createNotificationsClient({ url, token: await tokenFor('manager@demo.test') });
  sales = createNotificationsClient({ url, token: await tokenFor('sales1@demo.test') });
  salesUser = await sales.auth.me.query();
});

afterAll(async () => {
  for (const recorder of recorders) recorder.unsubscribe();
  await Promise.all(proxies.map((p) => p.close()));
  await Promise.all(servers.map((s) => s.stop()));
  await redis?.stop();
});

describe('signing in', () => {
  it('createToken trades a password for a Bearer token that authenticates as that user', async () => {
    const anonymous = createNotificationsClient({ url, token: '' });
    const before = Date.now();
    const { accessToken, expiresAt } = await anonymous.auth.createToken.mutate({
      email: 'sales1@demo.test',
      password: PASSWORD,
    });
    // The server's default session is 8 hours.
    expect(Date.parse(expiresAt) - before).toBeGreaterThan(7.9 * 3600_000);
    expect(Date.parse(expiresAt) - before).toBeLessThanOrEqual(8 * 3600_000 + 60_000);

    // A trailing slash on the URL is dropped.
    const client = createNotificationsClient({ url: `${url}/`, token: accessToken });
    expect(await client.auth.me.query()).toMatchObject({
      email: 'sales1@demo.test',
      name: 'Sam Sales',
      role: 'sales',
    });
  });

  it('refuses a wrong password and a missing token as UNAUTHORIZED, which the CLI explains', async () => {
    const anonymous = createNotificationsClient({ url, token: '' });
    const wrong = await rejectionOf(
      anonymous.auth.createToken.mutate({ email: 'sales1@demo.test', password: 'nope' }),
    );
    expect(wrong).toBeInstanceOf(TRPCClientError);
    expect(wrong).toMatchObject({
      message: 'Wrong email or password',
      data: { code: 'UNAUTHORIZED', httpStatus: 401 },
    });
    expect(explain(wrong, url)).toBe('Wrong email or password. Run `notify login` again.');

    const missing = await rejectionOf(anonymous.auth.me.query());
    expect(missing).toMatchObject({
      message: 'Sign in to continue',
      data: { code: 'UNAUTHORIZED' },
    });
  });

  it('asks a token function again for every request', async () => {
    let current = '';
    const client = createNotificationsClient({ url, token: () => current });
    expect(await rejectionOf(client.auth.me.query())).toMatchObject({
      data: { code: 'UNAUTHORIZED' },
    });
    current = await tokenFor('sales1@demo.test');
    expect((await client.auth.me.query()).email).toBe('sales1@demo.test');
    current = await tokenFor('manager@demo.test');
    expect((await client.auth.me.query()).email).toBe('manager@demo.test');
  });

  it('reports an unreachable server as a network error the CLI can explain', async () => {
    const nowhere = `http://127.0.0.1:${await getFreePort()}`;
    const client = createNotificationsClient({ url: nowhere, token: '' });
    const err = await rejectionOf(client.auth.me.query());
    expect(err).toBeInstanceOf(TRPCClientError);
    expect(explain(err, nowhere)).toBe(
      `Cannot reach the server at ${nowhere} (ECONNREFUSED). Check --url.`,
    );
  });
});

describe('queries and mutations', () => {
  it('tasks.create with an assignee notifies that user, unread, in notifications.list', async () => {
    const { count: unreadBefore } = await sales.notifications.unreadCount.query();
    const task = await assignToSales('Call the supplier');
    expect(task).toMatchObject({
      title: 'Call the supplier',
      assigneeId: salesUser.id,
      status: 'to_do',
      priority: 'medium',
    });
    expect(task.createdById).not.toBe(salesUser.id);

    const page = await sales.notifications.list.query({ limit: 100 });
    const mine = page.items.filter((n) => n.type === 'task_assignment' && n.task.id === task.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      userId: salesUser.id,
      isRead: false,
      title: 'Task Assigned: Call the supplier',
      task,
    });
    expect(await sales.notifications.unreadCount.query()).toEqual({ count: unreadBefore + 1 });

    // The manager is not notified of their own task.
    const managers = await manager.notifications.list.query({ limit: 100 });
    expect(managers.items.some((n) => n.type === 'task_assignment' && n.task.id === task.id)).toBe(
      false,
    );
  });
});

describe('notifications.onEvent', () => {
  it('starts with the initial sync.reset, then delivers an assignment and its read live', async () => {
    const stream = record(sales);
    await stream.untilCount(1);
    const [reset] = stream.events;
    expect(reset).toEqual({
      id: expect.stringMatching(/^\d+-\d+$/) as string,
      data: { kind: 'sync.reset', reason: 'initial' },
    });

    const task = await assignToSales('Live one');
    await stream.untilCount(2);
    const created = stream.events[1];
    expect(created?.data).toMatchObject({
      kind: 'notification.created',
      notification: { type: 'task_assignment', userId: salesUser.id, isRead: false, task },
    });
    expect(strictlyIncreasing(stream.events.map((e) => e.id))).toBe(true);

    if (created?.data.kind !== 'notification.created') throw new Error('not a created event');
    const read = await sales.notifications.markRead.mutate({ id: created.data.notification.id });
    await stream.untilCount(3);
    expect(stream.events[2]?.data).toEqual({
      kind: 'notification.read',
      id: created.data.notification.id,
      readAt: read.readAt,
    });
    expect(stream.failure()).toBeNull();
    stream.unsubscribe();
  });

  it('given a lastEventId, replays exactly what came after it, then goes live', async () => {
    const first = record(sales);
    await first.untilCount(1);
    const t1 = await assignToSales('Before the break');
    await first.untilCount(2);
    first.unsubscribe();
    const resumeAt = first.events[1];
    expect(resumeAt && assignedTaskId(resumeAt)).toBe(t1.id);

    // Nobody listens while these two are created.
    const t2 = await assignToSales('Missed one');
    const t3 = await assignToSales('Missed two');
    const resumed = record(sales, resumeAt?.id);
    await resumed.untilCount(2);
    // Created after the replay: if anything were to repeat, it would arrive before this.
    const t4 = await assignToSales('Live again');
    await resumed.until('the live task', () =>
      resumed.events.some((e) => assignedTaskId(e) === t4.id),
    );

    expect(resumed.events.map(assignedTaskId)).toEqual([t2.id, t3.id, t4.id]);
    expect(strictlyIncreasing([resumeAt?.id ?? '', ...resumed.events.map((e) => e.id)])).toBe(true);
    resumed.unsubscribe();
  });

  it('resumes on its own after the server it streamed from shut down, without gaps or repeats', async () => {
    const other = await startServer();
    const proxy = await startTcpProxy(other.port);
    proxies.push(proxy);
    const token = await tokenFor('sales1@demo.test');
    const stream = record(createNotificationsClient({ url: proxy.url, token }));
    await stream.untilCount(1);
    const t1 = await assignToSales('Through the other instance');
    await stream.untilCount(2);

    // The other instance goes away (ending its streams as SERVICE_UNAVAILABLE); reconnects
    // are refused until the proxy points at the first server.
    proxy.target = null;
    await other.stop();
    await stream.until('SERVICE_UNAVAILABLE', () =>
      stream.states.some((s) => s.state === 'connecting' && s.code === 'SERVICE_UNAVAILABLE'),
    );
    const t2 = await assignToSales('While disconnected');
    const t3 = await assignToSales('Still disconnected');
    proxy.target = server.port;

    await stream.untilCount(4);
    const t4 = await assignToSales('After the reconnect');
    await stream.until('the live task', () =>
      stream.events.some((e) => assignedTaskId(e) === t4.id),
    );

    expect(stream.events.map((e) => e.data.kind)).toEqual([
      'sync.reset',
      'notification.created',
      'notification.created',
      'notification.created',
      'notification.created',
    ]);
    expect(stream.events.slice(1).map(assignedTaskId)).toEqual([t1.id, t2.id, t3.id, t4.id]);
    expect(strictlyIncreasing(stream.events.map((e) => e.id))).toBe(true);
    expect(stream.failure()).toBeNull();
    stream.unsubscribe();
  });

  it('closes its connection when unsubscribed', async () => {
    const proxy = await startTcpProxy(server.port);
    proxies.push(proxy);
    const stream = record(
      createNotificationsClient({ url: proxy.url, token: await tokenFor('sales1@demo.test') }),
    );
    await stream.untilCount(1);
    expect(proxy.open()).toBe(1);
    stream.unsubscribe();
    await proxy.idle();
    expect(proxy.open()).toBe(0);
  });
});
