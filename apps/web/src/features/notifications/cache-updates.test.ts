import { describe, expect, it } from 'vitest';
import {
  applyEventToPages,
  compareNewestFirst,
  nextUnreadCount,
  type CacheEvent,
} from './cache-updates';
import { flattenPages } from '../../lib/flatten-pages';
import { makeFilter } from './notification-filter';
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
