import type { Notification, NotificationType } from '@acme/contracts';
import { useMutation } from '@tanstack/react-query';
import { navigate } from '../../lib/router';
import { trpc } from '../../lib/trpc';
import type { NotificationCache } from './notification-cache';
import { routeOf } from './notification-types';
import { useNotificationsContext } from './notifications-context';
import { toastWithUndo, useOptimisticUpdate } from './optimistic-update';
import { useViewActionsFor } from './use-view-actions';

const now = () => new Date().toISOString();
const plural = (count: number) => (count === 1 ? '1 notification' : `${count} notifications`);

/** Read-state changes; the view changes (archive, snooze) come from useViewActionsFor. */
export function useNotificationActionsFor(cache: NotificationCache) {
  const { client } = trpc.useUtils();
  const optimistic = useOptimisticUpdate(cache);
  const views = useViewActionsFor(cache);

  const markRead = useMutation({
    mutationFn: (id: string) => client.notifications.markRead.mutate({ id }),
    onMutate: (id) => optimistic.apply({ kind: 'notification.read', id, readAt: now() }),
    onError: optimistic.onError("Couldn't mark the notification as read"),
  });
  const markUnread = useMutation({
    mutationFn: (id: string) => client.notifications.markUnread.mutate({ id }),
    onMutate: (id) => optimistic.apply({ kind: 'notification.unread', id }),
    onError: optimistic.onError("Couldn't mark the notification as unread"),
  });
  const markAllRead = useMutation({
    // No types: every type, as the unfiltered panel shows.
    mutationFn: (types: NotificationType[] | null) =>
      client.notifications.markAllRead.mutate(types ? { types } : undefined),
    onMutate: (types) =>
      optimistic.apply({
        kind: 'notifications.allRead',
        readAt: now(),
        ...(types ? { types } : {}),
      }),
    onError: optimistic.onError("Couldn't mark the notifications as read"),
    onSuccess: ({ count, ids }) => {
      if (count === 0) return;
      toastWithUndo('marked-all-read', `Marked ${plural(count)} as read`, () => {
        for (const id of ids) markUnread.mutate(id);
      });
    },
  });

  return {
    ...views,
    markRead: (id: string) => {
      markRead.mutate(id);
    },
    markUnread: (id: string) => {
      markUnread.mutate(id);
    },
    /** Marks what the panel shows read: `types` is its type filter, null for every type. */
    markAllRead: (types: NotificationType[] | null) => {
      markAllRead.mutate(types);
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
