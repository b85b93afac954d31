import { beforeAll, describe, expect, it, vi } from 'vitest';
import { TRPCClientError } from '@acme/client';
import { bearerClient, listen, taskAssigned } from './fixtures';
import { useStack } from './stack';
import { startServer } from './server-process';

const stack = useStack();

const userIds = new Map<string, string>();

beforeAll(async () => {
  for (const email of [
    'sales1@demo.test',
    'sales2@demo.test',
    'manager@demo.test',
    'approver@demo.test',
  ]) {
    const me = await (await bearerClient(stack.server.url, email)).auth.me.query();
    userIds.set(email, me.id);
  }
});

const idOf = (email: string) => {
  const id = userIds.get(email);
  if (!id) throw new Error(`no user ${email}`);
  return id;
};

describe('notifications.onEvent', () => {
  it('delivers a notification to every open stream of its user and to nobody else', async () => {
    const b = await bearerClient(stack.server.url, 'sales1@demo.test');
    const a = await bearerClient(stack.server.url, 'sales2@demo.test');
    const streamsOfB = [listen(b), listen(b), listen(b)];
    const streamOfA = listen(a);
    await Promise.all([...streamsOfB, streamOfA].map((s) => s.ready()));

    const { notification } = await stack.store.create(idOf('sales1@demo.test'), taskAssigned());
    await Promise.all(streamsOfB.map((s) => s.waitForCreated(1)));
    for (const s of streamsOfB) {
      expect(s.created().map((e) => e.data)).toEqual([
        { kind: 'notification.created', notification },
      ]);
    }

    // A's stream works (it gets A's own notification) and never got B's.
    const forA = await stack.store.create(idOf('sales2@demo.test'), taskAssigned());
    await streamOfA.waitForCreated(1);
    expect(streamOfA.created().map((e) => e.data)).toEqual([
      { kind: 'notification.created', notification: forA.notification },
    ]);
    [...streamsOfB, streamOfA].forEach((s) => {
      s.close();
    });
  });

  it('reaches a client on one stack.server process when another process creates it', async () => {
    const second = await startServer(stack.redisEnv);
    try {
      const onFirst = listen(await bearerClient(stack.server.url, 'approver@demo.test'));
      await onFirst.ready();
      const managerOnSecond = await bearerClient(second.url, 'manager@demo.test');
      const task = await managerOnSecond.tasks.create.mutate({
        title: 'Review Q3 budget',
        priority: 'high',
        assigneeId: idOf('approver@demo.test'),
      });
      await onFirst.waitForCreated(1);
      expect(onFirst.created()[0]?.data).toMatchObject({
        kind: 'notification.created',
        notification: {
          type: 'task_assignment',
          title: 'Task Assigned: Review Q3 budget',
          message: 'Task "Review Q3 budget" has been assigned to you.',
          task: { id: task.id },
        },
      });
      onFirst.close();
    } finally {
      await second.stop();
    }
  });

  it('resumes after the last event id: exactly the missed events, in order', async () => {
    const client = await bearerClient(stack.server.url, 'manager@demo.test');
    const first = listen(client);
    await first.ready();
    await stack.store.create(idOf('manager@demo.test'), taskAssigned());
    await first.waitForCreated(1);
    const lastId = first.lastId();
    first.close();

    const missed = [];
    for (let i = 0; i < 5; i++)
      missed.push(
        (await stack.store.create(idOf('manager@demo.test'), taskAssigned(`missed ${i}`)))
          .notification,
      );

    const resumed = listen(client, lastId);
    await resumed.waitForCreated(5);
    expect(resumed.events.map((e) => e.data)).toEqual(
      missed.map((notification) => ({ kind: 'notification.created', notification })),
    );
    resumed.close();
  });

  it('a burst of 1,000 parallel creates reaches 3 streams exactly once each, in one order', async () => {
    const client = await bearerClient(stack.server.url, 'sales2@demo.test');
    const streams = [listen(client), listen(client), listen(client)];
    await Promise.all(streams.map((s) => s.ready()));
    const userId = idOf('sales2@demo.test');
    const alreadySeen = streams[0]?.created().length ?? 0;
    await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        stack.store.create(userId, taskAssigned(`burst ${i}`)),
      ),
    );
    await Promise.all(streams.map((s) => s.waitForCreated(alreadySeen + 1000)));

    const orders = streams.map((s) =>
      s
        .created()
        .slice(alreadySeen)
        .map((e) => e.id),
    );
    for (const order of orders) {
      expect(order).toHaveLength(1000);
      expect(new Set(order).size).toBe(1000);
      expect(order).toEqual(orders[0]);
    }
    streams.forEach((s) => {
      s.close();
    });
  });

  it("read state made on one client shows up on the user's other streams, and counts agree", async () => {
    const client = await bearerClient(stack.server.url, 'sales1@demo.test');
    const other = listen(client);
    await other.ready();
    const { notification } = await stack.store.create(idOf('sales1@demo.test'), taskAssigned());
    await other.waitForCreated(1);

    const read = await client.notifications.markRead.mutate({ id: notification.id });
    expect(read.isRead).toBe(true);
    await vi.waitFor(() => {
      expect(
        other.events.some(
          (e) => e.data.kind === 'notification.read' && e.data.id === notification.id,
        ),
      ).toBe(true);
    });
    await client.notifications.markRead.mutate({ id: notification.id }); // idempotent: no second event

    await client.notifications.markUnread.mutate({ id: notification.id });
    await vi.waitFor(() => {
      expect(other.events.some((e) => e.data.kind === 'notification.unread')).toBe(true);
    });
    expect(other.events.filter((e) => e.data.kind === 'notification.read')).toHaveLength(1);

    const { count } = await client.notifications.unreadCount.query();
    const unread = await client.notifications.list.query({ unreadOnly: true, limit: 100 });
    expect(unread.items.length).toBe(Math.min(count, 100));
    expect(unread.items.some((n) => n.id === notification.id)).toBe(true);

    await client.notifications.markAllRead.mutate();
    await vi.waitFor(() => {
      expect(other.events.at(-1)?.data.kind).toBe('notifications.allRead');
    });
    expect((await client.notifications.unreadCount.query()).count).toBe(0);
    other.close();
  });
});

describe('isolation and validation', () => {
  it("a user cannot read or mark another user's notification", async () => {
    const { notification } = await stack.store.create(idOf('sales1@demo.test'), taskAssigned());
    const other = await bearerClient(stack.server.url, 'sales2@demo.test');
    await expect(
      other.notifications.markRead.mutate({ id: notification.id }),
    ).rejects.toMatchObject({ data: { code: 'NOT_FOUND' } });
    await expect(
      other.notifications.markUnread.mutate({ id: notification.id }),
    ).rejects.toMatchObject({ data: { code: 'NOT_FOUND' } });
    const page = await other.notifications.list.query({ limit: 100 });
    expect(page.items.some((n) => n.id === notification.id)).toBe(false);
    expect((await stack.store.get(idOf('sales1@demo.test'), notification.id))?.isRead).toBe(false);
  });

  it.each([
    [
      'a malformed id',
      (c: Awaited<ReturnType<typeof bearerClient>>) =>
        c.notifications.markRead.mutate({ id: 'bad id!' }),
    ],
    [
      'limit 0',
      (c: Awaited<ReturnType<typeof bearerClient>>) => c.notifications.list.query({ limit: 0 }),
    ],
    [
      'limit 10,000',
      (c: Awaited<ReturnType<typeof bearerClient>>) =>
        c.notifications.list.query({ limit: 10_000 }),
    ],
    [
      'an unknown type',
      (c: Awaited<ReturnType<typeof bearerClient>>) =>
        c.notifications.list.query({ types: ['nope' as 'task_assignment'] }),
    ],
  ])('%s is a BAD_REQUEST', async (_name, call) => {
    const client = await bearerClient(stack.server.url, 'sales1@demo.test');
    await expect(call(client)).rejects.toMatchObject({ data: { code: 'BAD_REQUEST' } });
  });

  it('a stream without a valid session ends with UNAUTHORIZED, not a retry loop', async () => {
    const { createNotificationsClient } = await import('@acme/client');
    const anonymous = listen(
      createNotificationsClient({ url: stack.server.url, token: 'not-a-token' }),
    );
    await vi.waitFor(() => {
      expect(anonymous.errors).toHaveLength(1);
    });
    const [err] = anonymous.errors;
    expect(err).toBeInstanceOf(TRPCClientError);
    expect((err as TRPCClientError<never>).data).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(anonymous.events).toHaveLength(0);
  });
});
