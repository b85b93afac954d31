import type { Notification } from '@acme/contracts';
import {
  findInPages,
  insertSorted,
  mapItems,
  sameState,
  type NotificationPages,
} from './list-pages';
import { matchesFilter, viewOf, type NotificationFilter } from './notification-filter';

export interface ListUpdate {
  data: NotificationPages;
  /** The list cannot be brought up to date locally: refetch it. */
  stale: boolean;
}

/**
 * Puts `next` (a notification's new state) where a list wants it: replaced in place, removed
 * when it no longer belongs, inserted when it now does. Only the inbox's order is known here
 * (by creation time, or `atTop` for an item the server put back at the top); a list of
 * another view that gains an item is refetched instead.
 */
export function placeInPages(
  data: NotificationPages,
  next: Notification,
  filter: NotificationFilter,
  atTop = false,
): ListUpdate {
  const belongs = matchesFilter(next, filter);
  if (findInPages(data, next.id)) {
    const updated = mapItems(data, (item) => {
      if (item.id !== next.id) return item;
      if (!belongs) return null;
      return sameState(item, next) ? item : next;
    });
    return { data: updated, stale: false };
  }
  if (!belongs) return { data, stale: false };
  if (filter.view !== 'inbox') return { data, stale: true };
  return { data: atTop ? prepend(data, next) : insertSorted(data, next), stale: false };
}

function prepend(data: NotificationPages, next: Notification): NotificationPages {
  const [first, ...rest] = data.pages;
  if (!first) return { pages: [{ items: [next], nextCursor: null }], pageParams: [null] };
  return { ...data, pages: [{ ...first, items: [next, ...first.items] }, ...rest] };
}

/**
 * An id-only event (archived, snoozed): the new state comes from the list's own copy or,
 * failing that, from `known` (another list's). A list that may gain an item nobody has
 * loaded is refetched.
 */
export function moveInPages(
  data: NotificationPages,
  filter: NotificationFilter,
  id: string,
  known: Notification | undefined,
  change: (item: Notification) => Notification,
): ListUpdate {
  const current = findInPages(data, id) ?? known;
  if (current) return placeInPages(data, change(current), filter);
  return { data, stale: filter.view !== 'inbox' };
}

export const archive =
  (archivedAt: string) =>
  (item: Notification): Notification =>
    item.archivedAt !== null
      ? item
      : {
          ...item,
          archivedAt,
          snoozedUntil: null,
          isRead: true,
          readAt: item.readAt ?? archivedAt,
        };

export const snooze =
  (until: string) =>
  (item: Notification): Notification =>
    item.snoozedUntil === until && item.archivedAt === null
      ? item
      : { ...item, snoozedUntil: until, archivedAt: null };

/**
 * "Archive all read" moves the inbox's read items: they leave it, and the Archived view gains
 * them (in the server's order, so it is refetched). Snoozed items stay where they are.
 */
export function archiveAllReadInPages(
  data: NotificationPages,
  filter: NotificationFilter,
  archivedAt: string,
): ListUpdate {
  if (filter.view === 'archived') return { data, stale: true };
  if (filter.view === 'snoozed') return { data, stale: false };
  return {
    data: mapItems(data, (item) =>
      item.isRead ? placeOut(archive(archivedAt)(item), filter) : item,
    ),
    stale: false,
  };
}

function placeOut(next: Notification, filter: NotificationFilter): Notification | null {
  return matchesFilter(next, filter) ? next : null;
}

/**
 * The unread count (of the inbox) after an item moved to `next`. `before` is its previous
 * state as known; when nobody knew it, `assumeOutside` says whether it was outside the inbox
 * (the event proves it: an unarchive or unsnooze) or the count cannot be known (null).
 */
export function countAfterMove(
  count: number,
  before: Notification | undefined,
  next: Notification | undefined,
  assumeOutside: boolean,
): number | null {
  const counted = (item: Notification) => viewOf(item) === 'inbox' && !item.isRead;
  if (!before && !assumeOutside) return null;
  const was = before ? counted(before) : false;
  const now = next ? counted(next) : false;
  if (was === now) return count;
  return now ? count + 1 : Math.max(0, count - 1);
}
