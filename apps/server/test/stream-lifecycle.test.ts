import { expect, it, vi } from 'vitest';
import { TRPCClientError } from '@acme/client';
import { createNotificationService } from '@acme/notifications';
import { duplicateForSubscribing } from '@acme/redis';
import { getFreePort } from '@acme/testing';
import { bearerClient, listen, taskAssigned } from './fixtures';
import { useStack } from './stack';
import { startServer } from './server-process';

const stack = useStack({ server: false });

it('an open stream survives a server restart and gets what was created meanwhile, once', async () => {
  const port = String(await getFreePort());
  let server = await startServer({ ...stack.redisEnv, DEMO: '1', PORT: port });
  const client = await bearerClient(server.url, 'sales1@demo.test');
  const userId = (await client.auth.me.query()).id;
  const stream = listen(client);
  await stream.ready();
  await stack.store.create(userId, taskAssigned('before'));
  await stream.waitForCreated(1);

  await server.stop();
  const whileDown = [];
  for (let i = 0; i < 5; i++)
    whileDown.push((await stack.store.create(userId, taskAssigned(`down ${i}`))).notification.id);
  server = await startServer({ ...stack.redisEnv, PORT: port });
  try {
    await stream.waitForCreated(6);
    const after = await stack.store.create(userId, taskAssigned('after'));
    await stream.waitForCreated(7);
    const ids = stream
      .created()
      .map((e) => (e.data.kind === 'notification.created' ? e.data.notification.id : ''));
    expect(ids.slice(1)).toEqual([...whileDown, after.notification.id]);
    expect(stream.errors).toEqual([]);
  } finally {
    stream.close();
    await server.stop();
  }
});

it('resumes with the last event id against a brand-new server process', async () => {
  let server = await startServer({ ...stack.redisEnv, DEMO: '1' });
  const first = await bearerClient(server.url, 'sales2@demo.test');
  const userId = (await first.auth.me.query()).id;
  const before = listen(first);
  await before.ready();
  const lastId = before.lastId();
  before.close();
  await server.stop();

  const missed = [];
  for (let i = 0; i < 5; i++)
    missed.push((await stack.store.create(userId, taskAssigned(`missed ${i}`))).notification);
  server = await startServer(stack.redisEnv);
  try {
    const resumed = listen(await bearerClient(server.url, 'sales2@demo.test'), lastId);
    await resumed.waitForCreated(5);
    expect(resumed.events.map((e) => e.data)).toEqual(
      missed.map((notification) => ({ kind: 'notification.created', notification })),
    );
    resumed.close();
  } finally {
    await server.stop();
  }
});

it('expired notifications vanish from list, counts and replay', async () => {
  const server = await startServer({
    ...stack.redisEnv,
    DEMO: '1',
    NOTIFICATION_TTL_SECONDS: '1',
  });
  const shortLived = createNotificationService({
    redis: stack.redis,
    subscriber: duplicateForSubscribing(stack.redis),
    ttlSeconds: 1,
  });
  try {
    const client = await bearerClient(server.url, 'approver@demo.test');
    const userId = (await client.auth.me.query()).id;
    const stream = listen(client);
    await stream.ready();
    const startId = stream.lastId();
    stream.close();
    await shortLived.create(userId, taskAssigned('soon gone'));
    expect((await client.notifications.unreadCount.query()).count).toBe(1);

    await vi.waitFor(
      async () => {
        expect((await client.notifications.list.query({})).items).toEqual([]);
      },
      { timeout: 10_000, interval: 200 },
    );
    expect((await client.notifications.unreadCount.query()).count).toBe(0);

    // Replay from before it never brings it back. (Whether a sync.reset comes first depends
    // on whether the stream itself outlived the silence; the store's tests cover both cases.)
    const fresh = await shortLived.create(userId, taskAssigned('fresh'));
    const replay = listen(client, startId);
    await replay.waitForCreated(1);
    expect(replay.created().map((e) => e.data)).toEqual([
      { kind: 'notification.created', notification: fresh.notification },
    ]);
    expect(replay.events.findIndex((e) => e.data.kind === 'sync.reset')).toBeLessThanOrEqual(0);
    replay.close();
  } finally {
    await shortLived.close();
    await server.stop();
  }
});

it('a stream ends with UNAUTHORIZED when its token expires', async () => {
  const server = await startServer({
    ...stack.redisEnv,
    DEMO: '1',
    SESSION_TTL_SECONDS: '2',
  });
  try {
    const stream = listen(await bearerClient(server.url, 'manager@demo.test'));
    await stream.ready();
    await vi.waitFor(
      () => {
        expect(stream.errors).toHaveLength(1);
      },
      { timeout: 10_000 },
    );
    const [err] = stream.errors;
    expect(err).toBeInstanceOf(TRPCClientError);
    expect((err as TRPCClientError<never>).data).toMatchObject({ code: 'UNAUTHORIZED' });
  } finally {
    await server.stop();
  }
});
