import type { Notification, NotificationPage, StreamEvent } from '@acme/contracts';
import type { InfiniteData } from '@tanstack/react-query';
import { matchesFilter, type NotificationFilter } from './notification-filter';

/**
 * Pure updates of the cached notification lists and unread count, shared by stream events
 * and optimistic mutations. Every update is idempotent: applying an event twice (a replay, a
 * mutation's own echo from the stream) leaves the cache as applying it once.
 */

/** The infinite query's data; page params are cursors (string | null) but typed loosely. */
export type NotificationPages = InfiniteData<NotificationPage>;
export type CacheEvent = Exclude<StreamEvent, { kind: 'sync.reset' }>;

/** The server's order: newest first, ties by id descending. */
export function compareNewestFirst(a: Notification, b: Notification): number {
  const byTime = Date.parse(b.createdAt) - Date.parse(a.createdAt);
  if (byTime !== 0) return byTime;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export function findInPages(
  data: NotificationPages | undefined,
  id: string,
): Notification | undefined {
  if (!data) return undefined;
  for (const page of data.pages) {
    const item = page.items.find((candidate) => candidate.id === id);
    if (item) return item;
  }
  return undefined;
}

function mapItems(
  data: NotificationPages,
  update: (item: Notification) => Notification | null,
): NotificationPages {
  let changed = false;
  const pages: NotificationPage[] = [];
  for (const page of data.pages) {
    let pageChanged = false;
    const items: Notification[] = [];
    for (const item of page.items) {
      const next = update(item);
      if (next !== item) pageChanged = true;
      if (next) items.push(next);
    }
    changed ||= pageChanged;
    pages.push(pageChanged ? { ...page, items } : page);
  }
  return changed ? { ...data, pages } : data;
}

/**
 * Puts a notification where the server would list it. If it sorts after everything loaded
 * while older pages remain, it is left for "load more" to bring (inserting it would put it
 * out of order and the next page would repeat it).
 */
function insertSorted(data: NotificationPages, notification: Notification): NotificationPages {
  const pages = data.pages;
  for (let p = 0; p < pages.length; p++) {
    const page = pages[p];
    if (!page) continue;
    const index = page.items.findIndex((item) => compareNewestFirst(notification, item) < 0);
    if (index !== -1) {
      const items = [...page.items.slice(0, index), notification, ...page.items.slice(index)];
      return { ...data, pages: pages.map((other, i) => (i === p ? { ...page, items } : other)) };
    }
  }
  const last = pages[pages.length - 1];
  if (!last) {
    return { ...data, pages: [{ items: [notification], nextCursor: null }], pageParams: [null] };
  }
  if (last.nextCursor !== null) return data;
  const items = [...last.items, notification];
  return {
    ...data,
    pages: pages.map((page, i) => (i === pages.length - 1 ? { ...page, items } : page)),
  };
}

/**
 * One list after an event. `known` is the notification as some other cached list has it,
 * for events that carry only an id. `stale` means the list cannot be brought up to date
 * locally and should be refetched.
 */
export function applyEventToPages(
  data: NotificationPages,
  event: CacheEvent,
  filter: NotificationFilter,
  known: Notification | undefined,
): { data: NotificationPages; stale: boolean } {
  switch (event.kind) {
    case 'notification.created': {
      const { notification } = event;
      // Never a duplicate. A repeated create (a replay, or an event the snapshot already
      // had) keeps the cached item: it may be newer, e.g. read since it was created.
      if (findInPages(data, notification.id)) return { data, stale: false };
      if (!matchesFilter(notification, filter)) return { data, stale: false };
      return { data: insertSorted(data, notification), stale: false };
    }
    case 'notification.read': {
      const next = mapItems(data, (item) => {
        if (item.id !== event.id) return item;
        if (filter.unreadOnly) return null;
        return item.isRead ? item : { ...item, isRead: true, readAt: event.readAt };
      });
      return { data: next, stale: false };
    }
    case 'notification.unread': {
      const present = findInPages(data, event.id);
      if (present) {
        return {
          data: mapItems(data, (item) =>
            item.id === event.id && item.isRead ? { ...item, isRead: false, readAt: null } : item,
          ),
          stale: false,
        };
      }
      // Only an unread list can gain an item it did not have.
      if (!filter.unreadOnly) return { data, stale: false };
      if (!known) return { data, stale: true };
      const unread: Notification = { ...known, isRead: false, readAt: null };
      if (!matchesFilter(unread, filter)) return { data, stale: false };
      return { data: insertSorted(data, unread), stale: false };
    }
    case 'notifications.allRead': {
      const covered = event.types;
      if (covered) {
        const next = mapItems(data, (item) => {
          if (item.isRead || !covered.includes(item.type)) return item;
          return filter.unreadOnly ? null : { ...item, isRead: true, readAt: event.readAt };
        });
        return { data: next, stale: false };
      }
      if (filter.unreadOnly) {
        if (data.pages.length === 1 && data.pages[0]?.items.length === 0) {
          return { data, stale: false };
        }
        return {
          data: {
            pages: [{ items: [], nextCursor: null }],
            pageParams: [data.pageParams[0] ?? null],
          },
          stale: false,
        };
      }
      return {
        data: mapItems(data, (item) =>
          item.isRead ? item : { ...item, isRead: true, readAt: event.readAt },
        ),
        stale: false,
      };
    }
    // Views and preferences: refetched until they are applied locally.
    case 'notification.archived':
    case 'notification.unarchived':
    case 'notifications.allReadArchived':
    case 'notification.snoozed':
    case 'notification.unsnoozed':
    case 'preferences.updated':
      return { data, stale: true };
  }
}

/**
 * The unread count after an event, or null when it cannot be known locally (the item was
 * never loaded, so whether it was unread is unknown): refetch then.
 */
export function nextUnreadCount(
  count: number,
  event: CacheEvent,
  known: Notification | undefined,
): number | null {
  switch (event.kind) {
    case 'notification.created':
      // Already known means already counted (a replay or a snapshot that included it).
      if (known) return count;
      return event.notification.isRead ? count : count + 1;
    case 'notification.read':
      if (!known) return null;
      return known.isRead ? count : Math.max(0, count - 1);
    case 'notification.unread':
      if (!known) return null;
      return known.isRead ? count + 1 : count;
    case 'notifications.allRead':
      return event.types ? null : 0;
    case 'notification.archived':
    case 'notification.unarchived':
    case 'notifications.allReadArchived':
    case 'notification.snoozed':
    case 'notification.unsnoozed':
    case 'preferences.updated':
      return null;
  }
}

/** The id of the notification an event is about, if it names one. */
export function eventTargetId(event: CacheEvent): string | null {
  switch (event.kind) {
    case 'notification.created':
      return event.notification.id;
    case 'notification.read':
    case 'notification.unread':
    case 'notification.archived':
    case 'notification.unarchived':
    case 'notification.snoozed':
    case 'notification.unsnoozed':
      return event.id;
    case 'notifications.allRead':
    case 'notifications.allReadArchived':
    case 'preferences.updated':
      return null;
  }
}
