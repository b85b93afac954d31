import type { Notification, NotificationPage } from '@acme/contracts';
import type { InfiniteData } from '@tanstack/react-query';

/** The infinite query's data; page params are cursors (string | null) but typed loosely. */
export type NotificationPages = InfiniteData<NotificationPage>;

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

/** Replaces (or, for null, removes) items; the same object back when nothing changed. */
export function mapItems(
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
export function insertSorted(
  data: NotificationPages,
  notification: Notification,
): NotificationPages {
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

/** Whether two copies of one notification differ in the state an event can change. */
export function sameState(a: Notification, b: Notification): boolean {
  return (
    a.isRead === b.isRead &&
    a.readAt === b.readAt &&
    a.archivedAt === b.archivedAt &&
    a.snoozedUntil === b.snoozedUntil &&
    a.updatedAt === b.updatedAt
  );
}
