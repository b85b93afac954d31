import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { trpc } from '../../lib/trpc';
import type { UnreadCount } from './notification-cache';
import { toListInput, type NotificationFilter } from './notification-filter';
import { notificationKeys } from './notification-keys';

export const NOTIFICATION_PAGE_SIZE = 20;

/*
 * The stream keeps these current (events patch them, sync.reset refetches them), so they
 * never go stale on a timer and need no refetch on focus.
 */

export function useNotificationList(filter: NotificationFilter) {
  const { client } = trpc.useUtils();
  return useInfiniteQuery({
    queryKey: notificationKeys.list(filter),
    queryFn: ({ pageParam, signal }) =>
      client.notifications.list.query(toListInput(filter, pageParam, NOTIFICATION_PAGE_SIZE), {
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useUnreadCount(): number | undefined {
  const { client } = trpc.useUtils();
  const query = useQuery<UnreadCount>({
    queryKey: notificationKeys.unreadCount,
    queryFn: ({ signal }) => client.notifications.unreadCount.query(undefined, { signal }),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  return query.data?.count;
}
