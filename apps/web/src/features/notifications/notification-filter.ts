import {
  notificationTypeSchema,
  notificationViewSchema,
  type ListNotificationsInput,
  type Notification,
  type NotificationType,
  type NotificationView,
} from '@acme/contracts';

export type InboxTab = 'all' | 'unread';

/**
 * What one cached list holds. Normalised (types sorted, null for "every type") so equal
 * filters share one cache entry.
 */
export interface NotificationFilter {
  view: NotificationView;
  unreadOnly: boolean;
  types: NotificationType[] | null;
}

const allTypes = notificationTypeSchema.options;

export function makeFilter(
  tab: InboxTab,
  types: readonly NotificationType[],
  view: NotificationView = 'inbox',
): NotificationFilter {
  const unique = allTypes.filter((type) => types.includes(type));
  return {
    view,
    unreadOnly: tab === 'unread',
    types: unique.length === 0 || unique.length === allTypes.length ? null : unique,
  };
}

/** Which view the server lists a notification in. */
export function viewOf(notification: Notification): NotificationView {
  if (notification.archivedAt !== null) return 'archived';
  if (notification.snoozedUntil !== null) return 'snoozed';
  return 'inbox';
}

export function matchesFilter(notification: Notification, filter: NotificationFilter): boolean {
  if (viewOf(notification) !== filter.view) return false;
  if (filter.unreadOnly && notification.isRead) return false;
  return filter.types === null || filter.types.includes(notification.type);
}

export function toListInput(
  filter: NotificationFilter,
  cursor: string | null,
  limit: number,
): ListNotificationsInput {
  return {
    cursor,
    limit,
    unreadOnly: filter.unreadOnly,
    view: filter.view,
    ...(filter.types ? { types: filter.types } : {}),
  };
}

/** Reads a filter back out of a query key (keys are `unknown[]` to react-query). */
export function isNotificationFilter(value: unknown): value is NotificationFilter {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<NotificationFilter>;
  return (
    notificationViewSchema.safeParse(candidate.view).success &&
    typeof candidate.unreadOnly === 'boolean' &&
    (candidate.types === null ||
      (Array.isArray(candidate.types) &&
        candidate.types.every((type) => notificationTypeSchema.safeParse(type).success)))
  );
}
