import type { Notification, StreamEvent } from '@acme/contracts';
import { findInPages, insertSorted, mapItems, type NotificationPages } from './list-pages';
import { withRecordSnapshot } from './record-snapshots';
import { matchesFilter, type NotificationFilter } from './notification-filter';
import {
  archive,
  archiveAllReadInPages,
  countAfterMove,
  moveInPages,
  placeInPages,
  snooze,
  type ListUpdate,
} from './view-updates';

export { compareNewestFirst, findInPages, type NotificationPages } from './list-pages';

/**
 * Pure updates of the cached notification lists and unread count, shared by stream events
 * and optimistic mutations. Every update is idempotent: applying an event twice (a replay, a
 * mutation's own echo from the stream) leaves the cache as applying it once.
 */

export type CacheEvent = Exclude<StreamEvent, { kind: 'sync.reset' }>;

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
): ListUpdate {
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
      return placeInPages(data, { ...known, isRead: false, readAt: null }, filter);
    }
    case 'notifications.allRead':
      return allReadInPages(data, event, filter);
    case 'notification.archived':
      return moveInPages(data, filter, event.id, known, archive(event.archivedAt));
    case 'notification.snoozed':
      return moveInPages(data, filter, event.id, known, snooze(event.until));
    case 'notification.unarchived':
      return placeInPages(data, event.notification, filter);
    // Back unread at the top of the inbox, whenever it was created.
    case 'notification.unsnoozed':
      return placeInPages(data, event.notification, filter, true);
    case 'notifications.allReadArchived':
      return archiveAllReadInPages(data, filter, event.archivedAt);
    case 'task.changed':
    case 'lead.changed':
      return { data: mapItems(data, (item) => withRecordSnapshot(item, event)), stale: false };
    case 'preferences.updated':
      return { data, stale: false };
  }
}

/** Mark-all-read covers the inbox (its unread set) only: items set aside keep their state. */
function allReadInPages(
  data: NotificationPages,
  event: Extract<CacheEvent, { kind: 'notifications.allRead' }>,
  filter: NotificationFilter,
): ListUpdate {
  const covered = event.types;
  const isCovered = (item: Notification) => !covered || covered.includes(item.type);
  if (filter.view !== 'inbox') return { data, stale: false };
  if (!covered && filter.unreadOnly) {
    if (data.pages.length === 1 && data.pages[0]?.items.length === 0) {
      return { data, stale: false };
    }
    return {
      data: { pages: [{ items: [], nextCursor: null }], pageParams: [data.pageParams[0] ?? null] },
      stale: false,
    };
  }
  const next = mapItems(data, (item) => {
    if (item.isRead || !isCovered(item)) return item;
    return filter.unreadOnly ? null : { ...item, isRead: true, readAt: event.readAt };
  });
  return { data: next, stale: false };
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
      return countAfterMove(count, known, known && archive(event.archivedAt)(known), false);
    case 'notification.snoozed':
      return countAfterMove(count, known, known && snooze(event.until)(known), false);
    case 'notification.unarchived':
    case 'notification.unsnoozed':
      return countAfterMove(count, known, event.notification, true);
    case 'notifications.allReadArchived':
    case 'preferences.updated':
    case 'task.changed':
    case 'lead.changed':
      return count;
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
    case 'task.changed':
    case 'lead.changed':
      return null;
  }
}
