import { getFreePort } from '@acme/testing';
import { expect, it, vi } from 'vitest';
import { bearerClient, listen, taskAssigned, type Received } from './fixtures';
import { startServer } from './server-process';
import { useStack } from './stack';

const stack = useStack({ server: false });

const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();

const unsnoozesOf = (events: Received[], id: string) =>
  events.filter((e) => e.data.kind === 'notification.unsnoozed' && e.data.id === id);

/** Resolves with Date.now() once `id`'s due wake-up has arrived. */
async function wokenAt(events: Received[], id: string): Promise<number> {
  await vi.waitFor(
    () => {
      if (unsnoozesOf(events, id).length === 0) throw new Error(`${id} has not woken`);
    },
    { timeout: 15_000, interval: 10 },
  );
  return Date.now();
}

it('a snooze wakes on time with notification.unsnoozed on an open stream', async () => {
  const server = await startServer({ ...stack.redisEnv, DEMO: '1' });
  try {
    const client = await bearerClient(server.url, 'sales1@demo.test');
    const userId = (await client.auth.me.query()).id;
    const stream = listen(client);
    await stream.ready();
    const { notification } = await stack.store.create(userId, taskAssigned('snooze me'));
    const until = inMs(1500);
    await client.notifications.snooze.mutate({ id: notification.id, until });

    const at = await wokenAt(stream.events, notification.id);
    expect(at - Date.parse(until)).toBeGreaterThanOrEqual(0);
    expect(at - Date.parse(until)).toBeLessThan(1000);
    const kinds = stream.events.map((e) => e.data.kind);
    expect(kinds.slice(-3)).toEqual([
      'notification.created',
      'notification.snoozed',
      'notification.unsnoozed',
    ]);
    expect(unsnoozesOf(stream.events, notification.id).map((e) => e.data)).toEqual([
      {
        kind: 'notification.unsnoozed',
        id: notification.id,
        reason: 'due',
        notification: expect.objectContaining({ isRead: false, snoozedUntil: null }) as unknown,
      },
    ]);
    expect(stream.errors).toEqual([]);
    stream.close();
  } finally {
    await server.stop();
  }
});

it('a snooze that came due while no server ran wakes when one starts, once', async () => {
  const port = String(await getFreePort());
  let server = await startServer({ ...stack.redisEnv, DEMO: '1', PORT: port });
  const client = await bearerClient(server.url, 'sales2@demo.test');
  const userId = (await client.auth.me.query()).id;
  const stream = listen(client);
  await stream.ready();
  const { notification } = await stack.store.create(userId, taskAssigned('wake after restart'));
  const until = inMs(2000);
  await client.notifications.snooze.mutate({ id: notification.id, until });
  await server.stop();

  // Set-up, not a wait for an effect: the time must have passed while nothing ran.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(until) - Date.now())));
  const snoozed = await stack.store.list(userId, { view: 'snoozed' });
  expect(snoozed.items.map((n) => n.id)).toEqual([notification.id]);

  server = await startServer({ ...stack.redisEnv, PORT: port });
  try {
    await wokenAt(stream.events, notification.id);
    const inbox = await client.notifications.list.query({});
    expect(inbox.items[0]).toMatchObject({ id: notification.id, isRead: false });
    // Events arrive in stream order: a second wake-up would come before this notification.
    await stack.store.create(userId, taskAssigned('after the wake'));
    await stream.waitForCreated(2);
    expect(unsnoozesOf(stream.events, notification.id)).toHaveLength(1);
    expect(stream.errors).toEqual([]);
  } finally {
    stream.close();
    await server.stop();
  }
});
