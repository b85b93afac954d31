import type { Notification } from '@acme/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { describeError, isUnauthorized } from '../../lib/errors';
import { navigate } from '../../lib/router';
import { trpc } from '../../lib/trpc';
import { handleSessionEnded } from '../auth/session';
import type { CacheEvent } from './cache-updates';
import type { NotificationCache } from './notification-cache';
import { routeOf } from './notification-types';
import { useNotificationsContext } from './notifications-context';

/**
 * Read-state changes, applied to the cache at once (the same update a stream event makes)
 * and rolled back if the server refuses. The server's own event for the change arrives
 * later over the stream and changes nothing, since the updates are idempotent.
 */
export function useNotificationActionsFor(cache: NotificationCache) {
  const queryClient = useQueryClient();
  const { client } = trpc.useUtils();

  const optimistic = (event: CacheEvent) => {
    const snapshot = cache.snapshot();
    cache.apply(event);
    return snapshot;
  };
  const onError = (failure: string) => (error: unknown, _input: unknown, snapshot: unknown) => {
    if (Array.isArray(snapshot)) cache.restore(snapshot as ReturnType<typeof cache.snapshot>);
    if (isUnauthorized(error)) handleSessionEnded(queryClient);
    else toast.error(failure, { description: describeError(error) });
  };

  const markRead = useMutation({
    mutationFn: (id: string) => client.notifications.markRead.mutate({ id }),
    onMutate: (id) =>
      optimistic({ kind: 'notification.read', id, readAt: new Date().toISOString() }),
    onError: onError("Couldn't mark the notification as read"),
  });
  const markUnread = useMutation({
    mutationFn: (id: string) => client.notifications.markUnread.mutate({ id }),
    onMutate: (id) => optimistic({ kind: 'notification.unread', id }),
    onError: onError("Couldn't mark the notification as unread"),
  });
  const markAllRead = useMutation({
    mutationFn: () => client.notifications.markAllRead.mutate(),
    onMutate: () => optimistic({ kind: 'notifications.allRead', readAt: new Date().toISOString() }),
    onError: onError("Couldn't mark all notifications as read"),
  });

  return {
    markRead: (id: string) => {
      markRead.mutate(id);
    },
    markUnread: (id: string) => {
      markUnread.mutate(id);
    },
    markAllRead: () => {
      markAllRead.mutate();
    },
    markingAllRead: markAllRead.isPending,
    /** Opens the record a notification is about, marking it read. */
    open: (notification: Notification) => {
      if (!notification.isRead) markRead.mutate(notification.id);
      navigate(routeOf(notification));
    },
  };
}

export function useNotificationActions() {
  return useNotificationActionsFor(useNotificationsContext().cache);
}
