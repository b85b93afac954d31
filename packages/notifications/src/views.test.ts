import type { Notification } from '@acme/contracts';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { toStreamItem } from './codec';
import { NotificationNotFoundError } from './errors';
import { userKeys } from './keys';
import { leadAssignment, taskAssignment, useRedis } from './test-support';
import { expectConsistent, idsOf, listAll } from './view-support';

const env = useRedis();
const keys = userKeys('bob');
const minute = 60_000;

/** A service on a clock the test moves, one ms per notification so the order is plain. */
function clocked() {
  const clock = { now: Date.parse('2030-01-01T09:00:00.000Z') };
  const service = env.service({ now: () => clock.now });
  const create = async (n: number, input = taskAssignment(n)) => {
    clock.now += 1;
    return (await service.create('bob', input)).notification;
  };
  return { clock, service, create };
}

const iso = (ms: number) => new Date(ms).toISOString();

describe('archive', () => {
  it('marks read, leaves the inbox and the count, lists newest archived first', async () => {
    const { clock, service, create } = clocked();
    const [a, b, c] = [await create(1), await create(2), await create(3)];
    clock.now += minute;
    const archivedB = await service.archive('bob', b.id);
    expect(archivedB).toMatchObject({ id: b.id, isRead: true, archivedAt: iso(clock.now) });
    expect(archivedB.readAt).toBe(iso(clock.now));
    clock.now += minute;
    await service.archive('bob', a.id);

    expect(await expectConsistent(service, 'bob')).toEqual({
      inbox: [c.id],
      archived: [a.id, b.id],
      snoozed: [],
    });
    expect(await service.unreadCount('bob')).toBe(1);

    // Idempotent: the same item back, no new event.
    const length = await env.redis.xlen(keys.events);
    expect(await service.archive('bob', b.id)).toEqual(archivedB);
    expect(await env.redis.xlen(keys.events)).toBe(length);
  });

  it('unarchive puts it back where it was, with its read state', async () => {
    const { clock, service, create } = clocked();
    const [a, b, c] = [await create(1), await create(2), await create(3)];
    await service.archive('bob', b.id);
    await service.archive('bob', a.id);
    await service.markUnread('bob', a.id);
    clock.now += minute;

    const back = await service.unarchive('bob', b.id);
    expect(back).toMatchObject({ isRead: true, archivedAt: null, updatedAt: iso(clock.now) });
    const length = await env.redis.xlen(keys.events);
    expect(await service.unarchive('bob', b.id)).toEqual(back);
    expect(await service.unarchive('bob', c.id)).toEqual(await service.get('bob', c.id));
    expect(await env.redis.xlen(keys.events)).toBe(length);

    await service.unarchive('bob', a.id);
    expect(await expectConsistent(service, 'bob')).toEqual({
      inbox: [c.id, b.id, a.id],
      archived: [],
      snoozed: [],
    });
    expect(await service.unreadCount('bob')).toBe(2);
  });

  it('archiveAllRead moves every read inbox item and nothing else', async () => {
    const { clock, service, create } = clocked();
    const items = [await create(1), await create(2), await create(3), await create(4)];
    const [a, b, c, d] = items.map((n) => n.id) as [string, string, string, string];
    await service.markRead('bob', a);
    await service.markRead('bob', c);
    await service.snooze('bob', d, iso(clock.now + minute));
    await service.markRead('bob', d);

    expect(await service.archiveAllRead('bob')).toEqual({ count: 2, ids: [c, a] });
    expect(await expectConsistent(service, 'bob')).toEqual({
      inbox: [b],
      archived: [c, a],
      snoozed: [d],
    });
    const length = await env.redis.xlen(keys.events);
    expect(await service.archiveAllRead('bob')).toEqual({ count: 0, ids: [] });
    expect(await env.redis.xlen(keys.events)).toBe(length);
  });
});

describe('snooze', () => {
  it('leaves the inbox and the count, soonest wake-up first; snoozing again moves it', async () => {
    const { clock, service, create } = clocked();
    const [a, b, c] = [await create(1), await create(2), await create(3)];
    const hour = 60 * minute;
    const snoozedA = await service.snooze('bob', a.id, iso(clock.now + 3 * hour));
    expect(snoozedA).toMatchObject({ snoozedUntil: iso(clock.now + 3 * hour), isRead: false });
    await service.snooze('bob', b.id, iso(clock.now + 2 * hour));
    expect(await expectConsistent(service, 'bob')).toEqual({
      inbox: [c.id],
      archived: [],
      snoozed: [b.id, a.id],
    });
    expect(await service.unreadCount('bob')).toBe(1);

    // An offset is accepted and stored as UTC.
    const later = await service.snooze('bob', b.id, '2030-01-01T15:00:00.000+02:00');
    expect(later.snoozedUntil).toBe('2030-01-01T13:00:00.000Z');
    expect(idsOf(await listAll(service, 'bob', 'snoozed'))).toEqual([a.id, b.id]);

    // Same until again: nothing to do.
    const length = await env.redis.xlen(keys.events);
    expect(await service.snooze('bob', b.id, later.snoozedUntil ?? '')).toEqual(later);
    expect(await env.redis.xlen(keys.events)).toBe(length);
  });

  it('snoozes an archived item: it leaves the archive and comes back to the inbox', async () => {
    const { clock, service, create } = clocked();
    const a = await create(1);
    await service.archive('bob', a.id);
    const until = clock.now + minute;
    expect(await service.snooze('bob', a.id, iso(until))).toMatchObject({
      archivedAt: null,
      snoozedUntil: iso(until),
    });
    expect(await expectConsistent(service, 'bob')).toEqual({
      inbox: [],
      archived: [],
      snoozed: [a.id],
    });
    clock.now = until;
    expect(await service.wake('bob', a.id, until)).toBe(true);
    expect(await expectConsistent(service, 'bob')).toMatchObject({ inbox: [a.id] });
  });

  it('unsnooze and wake bring it back unread at the top of the inbox', async () => {
    const { clock, service, create } = clocked();
    const [a, b, c] = [await create(1), await create(2), await create(3)];
    await service.markRead('bob', a.id);
    const untilA = clock.now + minute;
    await service.snooze('bob', a.id, iso(untilA));
    await service.snooze('bob', b.id, iso(clock.now + 2 * minute));

    clock.now += 10;
    const manual = await service.unsnooze('bob', b.id);
    expect(manual).toMatchObject({ isRead: false, readAt: null, snoozedUntil: null });
    expect(await service.unsnooze('bob', b.id)).toEqual(manual);

    clock.now = untilA;
    expect(await service.wake('bob', a.id, untilA)).toBe(true);
    expect(await service.get('bob', a.id)).toMatchObject({ isRead: false, snoozedUntil: null });
    expect(await expectConsistent(service, 'bob')).toEqual({
      inbox: [a.id, b.id, c.id],
      archived: [],
      snoozed: [],
    });
    expect(await service.unreadCount('bob')).toBe(3);
  });

  it('wakes exactly once: concurrent wake-ups, repeats, stale untils, after unsnooze', async () => {
    const first = env.service();
    const second = env.service();
    const created: Notification[] = [];
    for (let i = 0; i < 3; i++)
      created.push((await first.create('bob', taskAssignment(i))).notification);
    const [a, b, c] = created.map((n) => n.id) as [string, string, string];
    const until = Date.now() + minute;
    for (const id of [a, b, c]) await first.snooze('bob', id, iso(until));

    const raced = await Promise.all([first.wake('bob', a, until), second.wake('bob', a, until)]);
    expect(raced.filter(Boolean)).toHaveLength(1);
    expect(await second.wake('bob', a, until)).toBe(false);

    await first.unsnooze('bob', b);
    expect(await second.wake('bob', b, until)).toBe(false);

    await first.snooze('bob', c, iso(until + minute));
    expect(await second.wake('bob', c, until)).toBe(false);
    expect(await second.wake('bob', c, until + minute)).toBe(true);
    expect(await first.wake('bob', 'gone', until)).toBe(false);

    const kinds = (await env.redis.xrange(keys.events, '-', '+')).map(
      ([id, fields]) => toStreamItem(id, fields)?.event.kind,
    );
    expect(kinds.filter((k) => k === 'notification.unsnoozed')).toHaveLength(3);
    expect(await expectConsistent(first, 'bob')).toMatchObject({ snoozed: [] });
  });

  it('refuses an until in the past, too far ahead or malformed, and changes nothing', async () => {
    const service = env.service();
    const { notification } = await service.create('bob', taskAssignment(1));
    const before = await env.redis.xlen(keys.events);
    const day = 24 * 60 * minute;
    for (const until of [iso(Date.now() - 1000), iso(Date.now() + 91 * day), 'tomorrow']) {
      await expect(service.snooze('bob', notification.id, until)).rejects.toBeInstanceOf(ZodError);
    }
    expect(await service.get('bob', notification.id)).toEqual(notification);
    expect(await env.redis.xlen(keys.events)).toBe(before);
  });
});

describe('every view', () => {
  it('markRead / markUnread work in every view; only the inbox counts', async () => {
    const { clock, service, create } = clocked();
    const [a, b] = [await create(1), await create(2)];
    await service.archive('bob', a.id);
    await service.snooze('bob', b.id, iso(clock.now + minute));

    expect(await service.markUnread('bob', a.id)).toMatchObject({ isRead: false });
    expect(await service.markRead('bob', b.id)).toMatchObject({ isRead: true });
    expect(await service.unreadCount('bob')).toBe(0);
    expect(idsOf(await listAll(service, 'bob', 'archived', true))).toEqual([a.id]);
    expect(await listAll(service, 'bob', 'snoozed', true)).toEqual([]);
    await expectConsistent(service, 'bob');
  });

  it('pages each view with the type filter', async () => {
    const { clock, service, create } = clocked();
    const created: Notification[] = [];
    for (let i = 0; i < 7; i++)
      created.push(await create(i, i % 2 ? leadAssignment(i) : undefined));
    for (const [i, n] of created.entries()) {
      if (i < 4) await service.archive('bob', n.id);
      else await service.snooze('bob', n.id, iso(clock.now + (10 - i) * minute));
    }
    const leads = { types: ['lead_assignment' as const], limit: 1 };
    const pageAll = async (view: 'archived' | 'snoozed') => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await service.list('bob', { ...leads, view, cursor });
        ids.push(...idsOf(page.items));
        cursor = page.nextCursor;
      } while (cursor);
      return ids;
    };
    const id = (i: number) => created[i]?.id;
    expect(await pageAll('archived')).toEqual([id(3), id(1)]);
    expect(await pageAll('snoozed')).toEqual([id(5)]);
    expect(idsOf(await listAll(service, 'bob', 'snoozed'))).toEqual([id(6), id(5), id(4)]);
  });

  it('pages items snoozed until the same time once each, in creation order', async () => {
    const { clock, service, create } = clocked();
    const created: Notification[] = [];
    for (let i = 0; i < 5; i++) created.push(await create(i));
    for (const n of created) await service.snooze('bob', n.id, iso(clock.now + minute));
    expect(idsOf(await listAll(service, 'bob', 'snoozed'))).toEqual(idsOf(created));
  });

  it("another user's id is NOT_FOUND and changes nothing", async () => {
    const service = env.service();
    const { notification } = await service.create('bob', taskAssignment(1));
    const until = Date.now() + minute;
    const before = {
      keys: await env.keys(),
      events: await env.redis.xlen(keys.events),
      views: await expectConsistent(service, 'bob'),
    };
    // Run one at a time: a rejection must not go unhandled while an earlier one is awaited.
    const attempts = [
      () => service.archive('mallory', notification.id),
      () => service.unarchive('mallory', notification.id),
      () => service.snooze('mallory', notification.id, iso(until)),
      () => service.unsnooze('mallory', notification.id),
      () => service.archive('bob', 'unknown-id'),
    ];
    for (const attempt of attempts) {
      await expect(attempt()).rejects.toBeInstanceOf(NotificationNotFoundError);
    }
    expect(await service.wake('mallory', notification.id, until)).toBe(false);
    expect(await service.archiveAllRead('mallory')).toEqual({ count: 0, ids: [] });
    expect(await env.keys()).toEqual(before.keys);
    expect(await env.redis.xlen(keys.events)).toBe(before.events);
    expect(await expectConsistent(service, 'bob')).toEqual(before.views);
    expect(await service.get('bob', notification.id)).toEqual(notification);
  });
});

describe('markAllRead', () => {
  it('with types, marks only those (in the inbox) and leaves the others unread', async () => {
    const { clock, service, create } = clocked();
    const task = await create(1);
    const lead = await create(2, leadAssignment(2));
    const snoozedLead = await create(3, leadAssignment(3));
    await service.snooze('bob', snoozedLead.id, iso(clock.now + minute));

    expect(await service.markAllRead('bob', { types: ['lead_assignment'] })).toEqual({
      count: 1,
      ids: [lead.id],
    });
    expect(await service.get('bob', task.id)).toMatchObject({ isRead: false });
    expect(await service.get('bob', snoozedLead.id)).toMatchObject({ isRead: false });
    expect(await service.unreadCount('bob')).toBe(1);
    expect(await service.markAllRead('bob', { types: ['lead_assignment'] })).toEqual({
      count: 0,
      ids: [],
    });
    await expectConsistent(service, 'bob');

    expect(await service.markAllRead('bob')).toEqual({ count: 1, ids: [task.id] });
    expect(await service.unreadCount('bob')).toBe(0);
    // @ts-expect-error: not a notification type
    await expect(service.markAllRead('bob', { types: ['nope'] })).rejects.toBeInstanceOf(ZodError);
  });
});
