import type { Notification, Preferences } from '@acme/contracts';
import { describe, expect, it } from 'vitest';
import {
  applyEventToPages,
  compareNewestFirst,
  nextUnreadCount,
  type CacheEvent,
} from './cache-updates';
import { flattenPages } from '../../lib/flatten-pages';
import { makeFilter } from './notification-filter';
import { makeLead } from '../records/test-records';
import { makeNotification, pagesOf } from './test-notifications';

const all = makeFilter('all', []);
const unread = makeFilter('unread', []);
const leadsOnly = makeFilter('all', ['lead_assignment']);
const readAt = '2025-03-10T12:30:00.000Z';

const n1 = makeNotification('n1', { minutesAgo: 1 });
const n2 = makeNotification('n2', { minutesAgo: 2 });
const n3 = makeNotification('n3', { minutesAgo: 3, isRead: true });
const fresh = makeNotification('n0', { minutesAgo: 0 });

const ids = (data: ReturnType<typeof pagesOf>) => flattenPages(data).map((item) => item.id);

describe('notification.created', () => {
  const created: CacheEvent = { kind: 'notification.created', notification: fresh };

  it('prepends to a matching list', () => {
    const data = pagesOf({ items: [n1, n2], nextCursor: null });
    expect(ids(applyEventToPages(data, created, all, undefined).data)).toEqual(['n0', 'n1', 'n2']);
  });

  it('never duplicates: applying twice equals applying once', () => {
    const data = pagesOf({ items: [n1, n2], nextCursor: null });
    const once = applyEventToPages(data, created, all, undefined).data;
    const twice = applyEventToPages(once, created, all, undefined).data;
    expect(twice).toBe(once);
    expect(ids(twice)).toEqual(['n0', 'n1', 'n2']);
  });

  it('does not duplicate an item that sits on a later page', () => {
    const data = pagesOf({ items: [n1], nextCursor: 'c' }, { items: [fresh], nextCursor: null });
    expect(applyEventToPages(data, created, all, undefined).data).toBe(data);
  });

  it('keeps the cached copy, which may already be read', () => {
    const readCopy = { ...fresh, isRead: true, readAt };
    const data = pagesOf({ items: [readCopy, n1], nextCursor: null });
    const next = applyEventToPages(data, created, all, undefined).data;
    expect(flattenPages(next)[0]).toBe(readCopy);
  });

  it('skips lists whose type filter excludes it', () => {
    const data = pagesOf({ items: [n1], nextCursor: null });
    expect(applyEventToPages(data, created, leadsOnly, undefined).data).toBe(data);
  });

  it('inserts an older notification in order, not at the top', () => {
    const late = makeNotification('late', { minutesAgo: 2.5 });
    const data = pagesOf({ items: [n1, n2, n3], nextCursor: null });
    const event: CacheEvent = { kind: 'notification.created', notification: late };
    expect(ids(applyEventToPages(data, event, all, undefined).data)).toEqual([
      'n1',
      'n2',
      'late',
      'n3',
    ]);
  });

  it('leaves an item older than everything loaded to "load more"', () => {
    const old = makeNotification('old', { minutesAgo: 60 });
    const data = pagesOf({ items: [n1, n2], nextCursor: 'more' });
    const event: CacheEvent = { kind: 'notification.created', notification: old };
    expect(applyEventToPages(data, event, all, undefined).data).toBe(data);
  });

  it('fills an empty list', () => {
    const data = pagesOf({ items: [], nextCursor: null });
    expect(ids(applyEventToPages(data, created, unread, undefined).data)).toEqual(['n0']);
  });
});

describe('notification.read', () => {
  const read: CacheEvent = { kind: 'notification.read', id: 'n1', readAt };

  it('marks the item read in the All list', () => {
    const data = pagesOf({ items: [n1, n2], nextCursor: null });
    const [first] = flattenPages(applyEventToPages(data, read, all, n1).data);
    expect(first).toMatchObject({ id: 'n1', isRead: true, readAt });
  });

  it('removes the item from Unread lists', () => {
    const data = pagesOf({ items: [n1, n2], nextCursor: null });
    expect(ids(applyEventToPages(data, read, unread, n1).data)).toEqual(['n2']);
  });

  it('is idempotent and keeps the first readAt', () => {
    const data = pagesOf({ items: [{ ...n1, isRead: true, readAt: 'earlier' }], nextCursor: null });
    expect(applyEventToPages(data, read, all, n1).data).toBe(data);
  });

  it('returns the same object when the item is not loaded', () => {
    const data = pagesOf({ items: [n2], nextCursor: null });
    expect(applyEventToPages(data, read, all, undefined).data).toBe(data);
  });
});

describe('notification.unread', () => {
  const unreadEvent: CacheEvent = { kind: 'notification.unread', id: 'n3' };

  it('marks the item unread in the All list', () => {
    const data = pagesOf({ items: [n1, n3], nextCursor: null });
    const item = flattenPages(applyEventToPages(data, unreadEvent, all, n3).data)[1];
    expect(item).toMatchObject({ id: 'n3', isRead: false, readAt: null });
  });

  it('puts a known item back into Unread lists, in order', () => {
    const data = pagesOf({ items: [n1, n2], nextCursor: null });
    expect(ids(applyEventToPages(data, unreadEvent, unread, n3).data)).toEqual(['n1', 'n2', 'n3']);
  });

  it('asks for a refetch when an Unread list gains an item it never saw', () => {
    const data = pagesOf({ items: [n1], nextCursor: null });
    expect(applyEventToPages(data, unreadEvent, unread, undefined)).toEqual({ data, stale: true });
  });
});

describe('notifications.allRead', () => {
  const allRead: CacheEvent = { kind: 'notifications.allRead', readAt };

  it('marks everything read in All lists, keeping earlier read times', () => {
    const data = pagesOf({ items: [n1, n3], nextCursor: null });
    const items = flattenPages(applyEventToPages(data, allRead, all, undefined).data);
    expect(items.map((item) => [item.isRead, item.readAt])).toEqual([
      [true, readAt],
      [true, n3.readAt],
    ]);
  });

  it('empties Unread lists down to one empty page', () => {
    const data = pagesOf({ items: [n1], nextCursor: 'c' }, { items: [n2], nextCursor: null });
    const next = applyEventToPages(data, allRead, unread, undefined).data;
    expect(next.pages).toEqual([{ items: [], nextCursor: null }]);
    expect(next.pageParams).toEqual([null]);
  });
});

describe('nextUnreadCount', () => {
  it('counts a new unread notification once', () => {
    const created: CacheEvent = { kind: 'notification.created', notification: fresh };
    expect(nextUnreadCount(4, created, undefined)).toBe(5);
    expect(nextUnreadCount(5, created, fresh)).toBe(5); // already known: a replay
  });

  it('decrements only for an item known to be unread', () => {
    const read: CacheEvent = { kind: 'notification.read', id: 'n1', readAt };
    expect(nextUnreadCount(3, read, n1)).toBe(2);
    expect(nextUnreadCount(3, read, { ...n1, isRead: true })).toBe(3);
    expect(nextUnreadCount(0, read, n1)).toBe(0);
    expect(nextUnreadCount(3, read, undefined)).toBeNull();
  });

  it('increments only for an item known to be read', () => {
    const event: CacheEvent = { kind: 'notification.unread', id: 'n3' };
    expect(nextUnreadCount(1, event, n3)).toBe(2);
    expect(nextUnreadCount(1, event, n1)).toBe(1);
    expect(nextUnreadCount(1, event, undefined)).toBeNull();
  });

  it('drops to zero on mark-all-read', () => {
    expect(nextUnreadCount(42, { kind: 'notifications.allRead', readAt }, undefined)).toBe(0);
  });
});

describe('compareNewestFirst and flattenPages', () => {
  it('orders by time, then id, newest first', () => {
    const a = makeNotification('a', { minutesAgo: 1 });
    const b = makeNotification('b', { minutesAgo: 1 });
    expect([a, n2, b].sort(compareNewestFirst).map((item) => item.id)).toEqual(['b', 'a', 'n2']);
  });

  it('flattens pages, keeping each id once', () => {
    const data = pagesOf(
      { items: [n1, n2], nextCursor: 'c' },
      { items: [n2, n3], nextCursor: null },
    );
    expect(ids(data)).toEqual(['n1', 'n2', 'n3']);
  });
});

describe('views: archive, snooze and back', () => {
  const archivedAt = '2025-03-10T12:40:00.000Z';
  const until = '2025-03-11T09:00:00.000Z';
  const archivedList = makeFilter('all', [], 'archived');
  const snoozedList = makeFilter('all', [], 'snoozed');
  const archived: CacheEvent = { kind: 'notification.archived', id: 'n1', archivedAt };
  const snoozed: CacheEvent = { kind: 'notification.snoozed', id: 'n2', until };
  const n1Archived = { ...n1, archivedAt, isRead: true, readAt: archivedAt };
  const n2Snoozed = { ...n2, snoozedUntil: until };

  it('archiving takes the item out of the inbox, once', () => {
    const data = pagesOf({ items: [n1, n2], nextCursor: null });
    const once = applyEventToPages(data, archived, all, n1).data;
    expect(ids(once)).toEqual(['n2']);
    expect(applyEventToPages(once, archived, all, n1).data).toBe(once);
  });

  it('an Archived list gaining an item refetches (its order is the server’s)', () => {
    const data = pagesOf({ items: [], nextCursor: null });
    expect(applyEventToPages(data, archived, archivedList, n1)).toEqual({ data, stale: true });
    expect(applyEventToPages(data, archived, archivedList, undefined).stale).toBe(true);
  });

  it('a type-filtered Archived list that cannot gain the item stays as it is', () => {
    const leadsArchived = makeFilter('all', ['lead_assignment'], 'archived');
    const data = pagesOf({ items: [], nextCursor: null });
    expect(applyEventToPages(data, archived, leadsArchived, n1)).toEqual({ data, stale: false });
  });

  it('archiving marks read and counts down only an unread inbox item', () => {
    expect(nextUnreadCount(2, archived, n1)).toBe(1);
    expect(nextUnreadCount(2, archived, n3)).toBe(2);
    expect(nextUnreadCount(2, archived, n1Archived)).toBe(2); // an echo of our own change
    expect(nextUnreadCount(2, archived, undefined)).toBeNull();
  });

  it('unarchiving puts the server’s copy back in the inbox, in order, and out of Archived', () => {
    const event: CacheEvent = { kind: 'notification.unarchived', id: 'n1', notification: n1 };
    const inbox = pagesOf({ items: [n2], nextCursor: null });
    const once = applyEventToPages(inbox, event, all, n1Archived).data;
    expect(ids(once)).toEqual(['n1', 'n2']);
    expect(applyEventToPages(once, event, all, n1).data).toBe(once);
    const archivedPages = pagesOf({ items: [n1Archived], nextCursor: null });
    expect(ids(applyEventToPages(archivedPages, event, archivedList, n1Archived).data)).toEqual([]);
  });

  it('unarchiving counts an unread item once, even when nobody had loaded it', () => {
    const event: CacheEvent = { kind: 'notification.unarchived', id: 'n1', notification: n1 };
    expect(nextUnreadCount(0, event, undefined)).toBe(1);
    expect(nextUnreadCount(0, event, n1Archived)).toBe(1);
    expect(nextUnreadCount(1, event, n1)).toBe(1);
  });

  it('snoozing moves the item out of the inbox and counts it out', () => {
    const data = pagesOf({ items: [n1, n2], nextCursor: null });
    const once = applyEventToPages(data, snoozed, unread, n2).data;
    expect(ids(once)).toEqual(['n1']);
    expect(applyEventToPages(once, snoozed, unread, n2).data).toBe(once);
    expect(nextUnreadCount(2, snoozed, n2)).toBe(1);
    expect(nextUnreadCount(1, snoozed, n2Snoozed)).toBe(1);
  });

  it('snoozing again updates the return time in the Snoozed list', () => {
    const later = '2025-03-12T09:00:00.000Z';
    const data = pagesOf({ items: [n2Snoozed], nextCursor: null });
    const event: CacheEvent = { kind: 'notification.snoozed', id: 'n2', until: later };
    const [item] = flattenPages(applyEventToPages(data, event, snoozedList, n2Snoozed).data);
    expect(item?.snoozedUntil).toBe(later);
  });

  it('waking up puts the item back unread at the top of the inbox and out of Snoozed', () => {
    const woke: CacheEvent = {
      kind: 'notification.unsnoozed',
      id: 'n2',
      reason: 'due',
      notification: n2,
    };
    const inbox = pagesOf({ items: [n1], nextCursor: null });
    // The server lists it by when it came back, not when it was created.
    const once = applyEventToPages(inbox, woke, unread, n2Snoozed).data;
    expect(ids(once)).toEqual(['n2', 'n1']);
    expect(applyEventToPages(once, woke, unread, n2).data).toBe(once);
    const snoozedPages = pagesOf({ items: [n2Snoozed], nextCursor: null });
    expect(ids(applyEventToPages(snoozedPages, woke, snoozedList, n2Snoozed).data)).toEqual([]);
    expect(nextUnreadCount(1, woke, n2Snoozed)).toBe(2);
    expect(nextUnreadCount(2, woke, n2)).toBe(2);
  });

  it('archive all read drops read inbox items, keeps unread ones, refetches Archived', () => {
    const event: CacheEvent = { kind: 'notifications.allReadArchived', archivedAt };
    const data = pagesOf({ items: [n1, n2, n3], nextCursor: null });
    const once = applyEventToPages(data, event, all, undefined).data;
    expect(ids(once)).toEqual(['n1', 'n2']);
    expect(applyEventToPages(once, event, all, undefined).data).toBe(once);
    expect(applyEventToPages(data, event, archivedList, undefined).stale).toBe(true);
    expect(nextUnreadCount(2, event, undefined)).toBe(2);
  });
});

const on = { inApp: true, toast: true, desktop: true };
const allOn: Preferences['types'] = {
  task_assignment: on,
  lead_assignment: on,
  task_reminder: on,
  approver_group_created: on,
  task_unassigned: on,
  task_completed: on,
};

describe('filtered mark-all and preferences', () => {
  const base = makeNotification('lead', { minutesAgo: 0.5 });
  const leadItem = {
    ...base,
    type: 'lead_assignment',
    lead: {
      id: 'lead-1',
      name: 'Globex',
      company: null,
      email: null,
      phone: null,
      value: null,
      source: null,
      assigneeId: 'user-1',
      createdById: 'user-2',
      createdAt: base.createdAt,
      updatedAt: base.createdAt,
    },
  } satisfies Notification;
  const tasksRead: CacheEvent = {
    kind: 'notifications.allRead',
    readAt,
    types: ['task_assignment'],
  };

  it('marks only the covered types read, leaving the others unread', () => {
    const data = pagesOf({ items: [leadItem, n1], nextCursor: null });
    const next = flattenPages(applyEventToPages(data, tasksRead, all, undefined).data);
    expect(next.map((item) => [item.id, item.isRead])).toEqual([
      ['lead', false],
      ['n1', true],
    ]);
    expect(ids(applyEventToPages(data, tasksRead, unread, undefined).data)).toEqual(['lead']);
    expect(nextUnreadCount(2, tasksRead, undefined)).toBeNull();
  });

  it('leaves items set aside as they are: it covers the inbox only', () => {
    const snoozedList = makeFilter('all', [], 'snoozed');
    const data = pagesOf({ items: [{ ...n1, snoozedUntil: readAt }], nextCursor: null });
    expect(applyEventToPages(data, tasksRead, snoozedList, undefined)).toEqual({
      data,
      stale: false,
    });
  });

  it('leaves lists and the count alone on a preferences change', () => {
    const event: CacheEvent = {
      kind: 'preferences.updated',
      preferences: { types: { ...allOn, task_assignment: { ...on, toast: false } } },
    };
    const data = pagesOf({ items: [n1], nextCursor: null });
    expect(applyEventToPages(data, event, all, undefined)).toEqual({ data, stale: false });
    expect(nextUnreadCount(3, event, undefined)).toBe(3);
  });
});

describe('task.changed and lead.changed', () => {
  const task = n1.type === 'task_assignment' ? n1.task : null;
  const later = (minutes: number) =>
    new Date(Date.parse('2025-03-10T12:00:00.000Z') + minutes * 60_000).toISOString();

  it('brings the task a card embeds up to date, newest version only, never the count', () => {
    if (!task) throw new Error('n1 is a task assignment');
    const done = { ...task, status: 'done' as const, updatedAt: later(5) };
    const data = pagesOf({ items: [n1, n2], nextCursor: null });
    const event: CacheEvent = { kind: 'task.changed', task: done };
    const next = applyEventToPages(data, event, all, undefined).data;
    const card = next.pages[0]?.items[0];
    expect(card?.type === 'task_assignment' && card.task.status).toBe('done');
    expect(next.pages[0]?.items[1]).toBe(n2);
    // A replay of the same or an older snapshot changes nothing.
    expect(applyEventToPages(next, event, all, undefined).data).toBe(next);
    const older: CacheEvent = { kind: 'task.changed', task: { ...task, updatedAt: later(1) } };
    expect(applyEventToPages(next, older, all, undefined).data).toBe(next);
    expect(nextUnreadCount(3, event, undefined)).toBe(3);
  });

  it('leaves notifications about other records alone', () => {
    const data = pagesOf({ items: [n1, n2], nextCursor: null });
    const lead: CacheEvent = { kind: 'lead.changed', lead: makeLead('lead-1', { version: 9 }) };
    expect(applyEventToPages(data, lead, all, undefined).data).toBe(data);
  });
});
