import type { NotificationFilter } from './notification-filter';

/**
 * Query keys of the notification cache. Everything starts with 'notifications', so one
 * invalidation refreshes it all and sign-out's "remove everything but the session" drops it.
 */
export const notificationKeys = {
  all: ['notifications'] as const,
  lists: ['notifications', 'list'] as const,
  list: (filter: NotificationFilter) => ['notifications', 'list', filter] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
  /** The user's per-type channels, kept current by `preferences.updated`. */
  preferences: ['notifications', 'preferences'] as const,
};
