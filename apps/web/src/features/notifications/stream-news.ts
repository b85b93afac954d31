import type { Notification, StreamEvent } from '@acme/contracts';
import type { NotificationCache } from './notification-cache';

/**
 * What an event brings to the user's attention: a new notification, or a snoozed one coming
 * back on time. Whether this tab had it in its inbox decides whether it is news (a replay is
 * not).
 */
export function newsIn(
  event: StreamEvent,
  cache: Pick<NotificationCache, 'find'>,
): Notification | null {
  if (event.kind === 'notification.created') {
    return cache.find(event.notification.id) ? null : event.notification;
  }
  if (event.kind === 'notification.unsnoozed' && event.reason === 'due') {
    const known = cache.find(event.id);
    return known && known.snoozedUntil === null ? null : event.notification;
  }
  return null;
}
