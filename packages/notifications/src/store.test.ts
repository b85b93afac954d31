import { notificationSchema, type Notification } from '@acme/contracts';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { NotificationNotFoundError } from './errors';
import { userKeys } from './keys';
import { leadAssignment, take, taskAssignment, useRedis } from './test-support';

const env = useRedis();

const ids = (items: Notification[]) => items.map((n) => n.id);

describe('create, list, get, unreadCount', () => {
  it('stores a notification that lists newest first and counts as unread', async () => {
    const service = env.service();
    const first = await service.create('bob', taskAssignment(1));
    const second = await service.create('bob', leadAssignment(2));

    expect(notificationSchema.parse(first.notification)).toEqual(first.notification);
    expect(first.notification).toMatchObject({ userId: 'bob', isRead: false, readAt: null });
    expect(first.eventId).toMatch(/^\d+-\d+$/);
    const page = await service.list('bob', {});
    expect(ids(page.items)).toEqual([second.notification.id, first.notification.id]);
    expect(page.items[1]).toEqual(first.notification);
    expect(page.nextCursor).toBeNull();
    expect(await service.unreadCount('bob')).toBe(2);
    expect(await service.get('bob', first.notification.id)).toEqual(first.notification);
    expect(await service.get('alice', first.notification.id)).toBeNull();
    expect(await service.unreadCount('alice')).toBe(0);
  });

  it('createMany stores each item for its own user and returns their event ids', async () => {
    const service = env.service();
    const members = Array.from({ length: 50 }, (_, i) => `member-${i}`);
    const created = await service.createMany(
      members.map((userId, i) => ({ userId, input: taskAssignment(i, userId) })),
    );
    expect(created.map((c) => c.notification.userId)).toEqual(members);
    for (const { notification, eventId } of created) {
      expect(await env.redis.xrange(userKeys(notification.userId).events, '-', '+')).toEqual([
        [eventId, ['e', JSON.stringify({ kind: 'notification.created', notification })]],
      ]);
      expect(await service.unreadCount(notification.userId)).toBe(1);
    }
  });

  it('rejects invalid input before writing anything', async () => {
    const service = env.service();
    const bad = { ...taskAssignment(1), title: '' };
    await expect(service.create('bob', bad)).rejects.toBeInstanceOf(ZodError);
    await expect(service.create('bad user!', taskAssignment(1))).rejects.toBeInstanceOf(ZodError);
    await expect(
      service.createMany([
        { userId: 'bob', input: taskAssignment(1) },
        { userId: 'carol', input: bad },
      ]),
    ).rejects.toBeInstanceOf(ZodError);
    await expect(service.get('bob', 'no/such id')).rejects.toBeInstanceOf(ZodError);
    await expect(service.list('bob', { limit: 0 })).rejects.toBeInstanceOf(ZodError);
    await expect(service.list('bob', { limit: 101 })).rejects.toBeInstanceOf(ZodError);
    // @ts-expect-error: not a notification type
    await expect(service.list('bob', { types: ['nope'] })).rejects.toBeInstanceOf(ZodError);
    // A forged cursor is the caller's mistake (BAD_REQUEST), not the store's failure.
    await expect(service.list('bob', { cursor: 'not-a-cursor' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Invalid cursor',
    });
    expect(await env.keys()).toEqual([]);
  });
});

describe('list pagination and filters', () => {
  it('pages through everything once, even when new items arrive between pages', async () => {
    // A frozen clock puts every notification on the same millisecond: ties must still page.
    const service = env.service({ now: () => Date.parse('2030-01-01T10:00:00.000Z') });
    const created: Notification[] = [];
    for (let i = 0; i < 25; i++) {
      const input = i % 3 === 0 ? leadAssignment(i) : taskAssignment(i);
      created.push((await service.create('bob', input)).notification);
    }
    const newestFirst = ids(created).reverse();

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await service.list('bob', { limit: 10, cursor });
      seen.push(...ids(page.items));
      cursor = page.nextCursor;
      pages += 1;
      if (pages === 1) await service.create('bob', taskAssignment(99));
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(newestFirst);
  });

  it('filters by read state and type, with cursors that survive the cursor item going away', async () => {
    let now = Date.parse('2030-01-01T10:00:00.000Z');
    const service = env.service({ now: () => (now += 1) });
    const created: Notification[] = [];
    for (let i = 0; i < 12; i++) {
      const input = i % 2 === 0 ? leadAssignment(i) : taskAssignment(i);
      created.push((await service.create('bob', input)).notification);
    }
    for (const n of created.slice(0, 4)) await service.markRead('bob', n.id);
    const unreadNewestFirst = ids(created.slice(4)).reverse();

    const first = await service.list('bob', { unreadOnly: true, limit: 3 });
    expect(ids(first.items)).toEqual(unreadNewestFirst.slice(0, 3));
    // The cursor points at an item that is no longer unread: the next page must not shift.
    await service.markRead('bob', unreadNewestFirst[2] ?? '');
    const second = await service.list('bob', {
      unreadOnly: true,
      limit: 3,
      cursor: first.nextCursor,
    });
    expect(ids(second.items)).toEqual(unreadNewestFirst.slice(3, 6));
    expect(second.items.every((n) => !n.isRead)).toBe(true);

    const leads = await service.list('bob', { types: ['lead_assignment'], limit: 100 });
    expect(ids(leads.items)).toEqual(ids(created.filter((_, i) => i % 2 === 0)).reverse());
    expect(leads.nextCursor).toBeNull();

    const unreadTasks = await service.list('bob', {
      unreadOnly: true,
      types: ['task_assignment', 'task_reminder'],
      limit: 2,
    });
    const expected = created.filter(
      (n, i) => i >= 4 && i % 2 === 1 && n.id !== unreadNewestFirst[2],
    );
    expect(ids(unreadTasks.items)).toEqual(ids(expected).reverse().slice(0, 2));
    const rest = await service.list('bob', {
      unreadOnly: true,
      types: ['task_assignment'],
      limit: 100,
      cursor: unreadTasks.nextCursor,
    });
    expect(ids(rest.items)).toEqual(ids(expected).reverse().slice(2));
    expect(rest.nextCursor).toBeNull();
  });
  it('bounds the scan for a rare type and hands back a cursor to continue from', async () => {
    const service = env.service();
    const lead = await service.create('bob', leadAssignment(0));
    await service.createMany(
      Array.from({ length: 1005 }, (_, i) => ({ userId: 'bob', input: taskAssignment(i) })),
    );
    const first = await service.list('bob', { types: ['lead_assignment'] });
    expect(first.items).toEqual([]);
    expect(first.nextCursor).not.toBeNull();
    const second = await service.list('bob', {
      types: ['lead_assignment'],
      cursor: first.nextCursor,
    });
    expect(ids(second.items)).toEqual([lead.notification.id]);
    expect(second.nextCursor).toBeNull();
  });
});

describe('read state', () => {
  it('markRead / markUnread / markAllRead are idempotent and emit each change once', async () => {
    const service = env.service();
    const a = (await service.create('bob', taskAssignment(1))).notification;
    const b = (await service.create('bob', taskAssignment(2))).notification;
    const c = (await service.create('bob', leadAssignment(3))).notification;

    const readA = await service.markRead('bob', a.id);
    expect(readA).toMatchObject({ id: a.id, isRead: true });
    expect(readA.readAt).not.toBeNull();
    expect(await service.markRead('bob', a.id)).toEqual(readA);
    expect(await service.get('bob', a.id)).toEqual(readA);
    expect(await service.unreadCount('bob')).toBe(2);

    const unreadA = await service.markUnread('bob', a.id);
    expect(unreadA).toMatchObject({ isRead: false, readAt: null });
    expect(await service.markUnread('bob', a.id)).toEqual(unreadA);
    expect(await service.markUnread('bob', b.id)).toMatchObject({ isRead: false });
    expect(await service.unreadCount('bob')).toBe(3);

    await service.markRead('bob', c.id);
    expect(await service.markAllRead('bob')).toEqual({ count: 2, ids: [b.id, a.id] });
    expect(await service.markAllRead('bob')).toEqual({ count: 0, ids: [] });
    expect(await service.unreadCount('bob')).toBe(0);
    const all = await service.list('bob', {});
    expect(all.items.every((n) => n.isRead && n.readAt !== null)).toBe(true);
    expect((await service.list('bob', { unreadOnly: true })).items).toEqual([]);

    const history = await take(
      service.events('bob', { afterId: '0-0', signal: new AbortController().signal }),
      7,
    );
    expect(history.map((e) => e.event.kind)).toEqual([
      'notification.created',
      'notification.created',
      'notification.created',
      'notification.read',
      'notification.unread',
      'notification.read',
      'notifications.allRead',
    ]);
    expect(await env.redis.xlen(userKeys('bob').events)).toBe(7);
  });

  it("refuses another user's notification and changes nothing", async () => {
    const service = env.service();
    const { notification } = await service.create('bob', taskAssignment(1));
    await expect(service.markRead('mallory', notification.id)).rejects.toBeInstanceOf(
      NotificationNotFoundError,
    );
    await expect(service.markUnread('mallory', notification.id)).rejects.toBeInstanceOf(
      NotificationNotFoundError,
    );
    await expect(service.markRead('bob', 'unknown-id')).rejects.toBeInstanceOf(
      NotificationNotFoundError,
    );
    expect(await service.markAllRead('mallory')).toEqual({ count: 0, ids: [] });
    expect(await service.get('bob', notification.id)).toEqual(notification);
    expect(await service.unreadCount('bob')).toBe(1);
    expect(await env.redis.xlen(userKeys('bob').events)).toBe(1);
    expect(await env.keys('{u:mallory}*')).toEqual([]);
  });
});
