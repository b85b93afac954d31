import { useMutation } from '@tanstack/react-query';
import { trpc } from '../../lib/trpc';
import { formatReturnTime } from './snooze-times';
import type { NotificationCache } from './notification-cache';
import { toastWithUndo, useOptimisticUpdate } from './optimistic-update';

const now = () => new Date().toISOString();

/**
 * Archive and snooze, each with its way back. Coming back needs the item's copy for the
 * optimistic update; one nobody has loaded simply waits for the server's event.
 */
export function useViewActionsFor(cache: NotificationCache) {
  const { client } = trpc.useUtils();
  const optimistic = useOptimisticUpdate(cache);

  // Unarchiving keeps the read state; unsnoozing brings the item back unread.
  const unarchived = (id: string) => {
    const known = cache.find(id);
    return known ? { ...known, archivedAt: null } : null;
  };
  const unsnoozed = (id: string) => {
    const known = cache.find(id);
    return known ? { ...known, snoozedUntil: null, isRead: false, readAt: null } : null;
  };

  const unarchive = useMutation({
    mutationFn: (id: string) => client.notifications.unarchive.mutate({ id }),
    onMutate: (id) => {
      const notification = unarchived(id);
      return optimistic.apply(
        notification && { kind: 'notification.unarchived', id, notification },
      );
    },
    onError: optimistic.onError("Couldn't move the notification back to the inbox"),
  });
  const archive = useMutation({
    mutationFn: (id: string) => client.notifications.archive.mutate({ id }),
    onMutate: (id) => optimistic.apply({ kind: 'notification.archived', id, archivedAt: now() }),
    onError: optimistic.onError("Couldn't archive the notification"),
    onSuccess: (_result, id) => {
      toastWithUndo(`archived-${id}`, 'Archived', () => {
        unarchive.mutate(id);
      });
    },
  });
  const archiveAllRead = useMutation({
    mutationFn: () => client.notifications.archiveAllRead.mutate(),
    onMutate: () => optimistic.apply({ kind: 'notifications.allReadArchived', archivedAt: now() }),
    onError: optimistic.onError("Couldn't archive the read notifications"),
    onSuccess: ({ count, ids }) => {
      if (count === 0) return;
      toastWithUndo(
        'archived-all-read',
        count === 1 ? 'Archived 1 notification' : `Archived ${count} notifications`,
        () => {
          for (const id of ids) unarchive.mutate(id);
        },
      );
    },
  });
  const unsnooze = useMutation({
    mutationFn: (id: string) => client.notifications.unsnooze.mutate({ id }),
    onMutate: (id) => {
      const notification = unsnoozed(id);
      return optimistic.apply(
        notification && { kind: 'notification.unsnoozed', id, reason: 'manual', notification },
      );
    },
    onError: optimistic.onError("Couldn't unsnooze the notification"),
  });
  const snooze = useMutation({
    mutationFn: (input: { id: string; until: string }) => client.notifications.snooze.mutate(input),
    onMutate: ({ id, until }) => optimistic.apply({ kind: 'notification.snoozed', id, until }),
    onError: optimistic.onError("Couldn't snooze the notification"),
    onSuccess: (_result, { id, until }) => {
      toastWithUndo(
        `snoozed-${id}`,
        `Snoozed until ${formatReturnTime(new Date(until), new Date())}`,
        () => {
          unsnooze.mutate(id);
        },
      );
    },
  });

  return {
    archive: (id: string) => {
      archive.mutate(id);
    },
    unarchive: (id: string) => {
      unarchive.mutate(id);
    },
    archiveAllRead: () => {
      archiveAllRead.mutate();
    },
    archivingAllRead: archiveAllRead.isPending,
    snooze: (id: string, until: Date) => {
      snooze.mutate({ id, until: until.toISOString() });
    },
    unsnooze: (id: string) => {
      unsnooze.mutate(id);
    },
  };
}
