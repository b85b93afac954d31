import type { Notification, NotificationPage } from '@acme/contracts';
import type { InfiniteData } from '@tanstack/react-query';
import { findRecord, insertRecordSorted, mapRecords } from '../../lib/paged-records';

export { compareNewestFirst } from '../../lib/paged-records';

/** The infinite query's data; page params are cursors (string | null) but typed loosely. */
export type NotificationPages = InfiniteData<NotificationPage>;

export function findInPages(
  data: NotificationPages | undefined,
  id: string,
): Notification | undefined {
  return findRecord(data, id);
}

/** Replaces (or, for null, removes) items; the same object back when nothing changed. */
export function mapItems(
  data: NotificationPages,
  update: (item: Notification) => Notification | null,
): NotificationPages {
  return mapRecords(data, update);
}

/** Puts a notification where the server would list it (see insertRecordSorted). */
export function insertSorted(
  data: NotificationPages,
  notification: Notification,
): NotificationPages {
  return insertRecordSorted(data, notification);
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
