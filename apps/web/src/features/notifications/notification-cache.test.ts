import type { NotificationPage } from '@acme/contracts';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { flattenPages } from '../../lib/flatten-pages';
import type { NotificationPages } from './cache-updates';
import { createNotificationCache, type UnreadCount } from './notification-cache';
import { makeFilter } from './notification-filter';
import { notificationKeys } from './notification-keys';
import { makeNotification } from './test-notifications';
import { sales1 } from '../records/test-records';

const allKey = notificationKeys.list(makeFilter('all', []));
const unreadKey = notificationKeys.list(makeFilter('unread', []));

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((res) => {
    resolve = res;
  });
  return { promise, resolve };
}

let queryClient: QueryClient;
let detach: () => void = () => undefined;
afterEach(() => {
  detach();
  queryClient.clear();
});

function setup() {
  queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const cache = createNotificationCache(queryClient, sales1);
  detach = cache.attach();
  return cache;
}

function seedList(key: typeof allKey, items: NotificationPage['items']) {
  queryClient.setQueryData<NotificationPages>(key, {
    pages: [{ items, nextCursor: null }],
    pageParams: [null],
  });
}

const listIds = (key: typeof allKey) =>
  flattenPages(queryClient.getQueryData<NotificationPages>(key)).map((item) => item.id);

describe('createNotificationCache', () => {
  it('patches every cached list and the count from one event', () => {
    const cache = setup();
    const n1 = makeNotification('n1', { minutesAgo: 1 });
    seedList(allKey, [n1]);
    seedList(unreadKey, [n1]);
    queryClient.setQueryData<UnreadCount>(notificationKeys.unreadCount, { count: 1 });

    cache.apply({ kind: 'notification.read', id: 'n1', readAt: '2025-03-10T12:05:00.000Z' });

    expect(listIds(allKey)).toEqual(['n1']);
    expect(listIds(unreadKey)).toEqual([]);
    expect(queryClient.getQueryData(notificationKeys.unreadCount)).toEqual({ count: 0 });
  });

  it('counts a created notification once, however often it is delivered', () => {
    const cache = setup();
    seedList(allKey, []);
    queryClient.setQueryData<UnreadCount>(notificationKeys.unreadCount, { count: 2 });
    const event = {
      kind: 'notification.created' as const,
      notification: makeNotification('new'),
    };
    cache.apply(event);
    cache.apply(event);
    expect(listIds(allKey)).toEqual(['new']);
    expect(queryClient.getQueryData(notificationKeys.unreadCount)).toEqual({ count: 3 });
  });

  it('re-applies events that landed while a list was fetching an older answer', async () => {
    const cache = setup();
    const n1 = makeNotification('n1', { minutesAgo: 1 });
    const answer = deferred<NotificationPage>();
    const fetching = queryClient.infiniteQuery({
      queryKey: allKey,
      queryFn: () => answer.promise,
      initialPageParam: null as string | null,
    });

    // Arrives mid-fetch; the server computed its answer before it existed.
    cache.apply({ kind: 'notification.created', notification: makeNotification('live') });
    answer.resolve({ items: [n1], nextCursor: null });
    await fetching;

    expect(listIds(allKey)).toEqual(['live', 'n1']);
  });

  it('refetches the count when it cannot know the change', async () => {
    const cache = setup();
    let served = 0;
    // Observed, as the bell observes it: invalidation refetches only what is on screen.
    const observer = new QueryObserver<UnreadCount>(queryClient, {
      queryKey: notificationKeys.unreadCount,
      queryFn: () => ({ count: (served += 1) === 1 ? 5 : 4 }),
    });
    const stop = observer.subscribe(() => undefined);
    await expect
      .poll(() => queryClient.getQueryData<UnreadCount>(notificationKeys.unreadCount)?.count)
      .toBe(5);
    // Read of an item no cached list holds: was it unread? Only the server knows.
    cache.apply({ kind: 'notification.read', id: 'unknown', readAt: '2025-03-10T12:05:00.000Z' });
    await expect
      .poll(() => queryClient.getQueryData<UnreadCount>(notificationKeys.unreadCount)?.count)
      .toBe(4);
    stop();
  });

  it('settles the count with the server after an arrival no list knew (it may be counted already)', async () => {
    const cache = setup();
    // The count was read after n1 was created, but n1's event arrives after it.
    const observer = new QueryObserver<UnreadCount>(queryClient, {
      queryKey: notificationKeys.unreadCount,
      queryFn: () => ({ count: 1 }),
    });
    const stop = observer.subscribe(() => undefined);
    await expect
      .poll(() => queryClient.getQueryData<UnreadCount>(notificationKeys.unreadCount)?.count)
      .toBe(1);
    cache.apply({ kind: 'notification.created', notification: makeNotification('n1') });
    expect(queryClient.getQueryData<UnreadCount>(notificationKeys.unreadCount)?.count).toBe(2);
    await expect
      .poll(() => queryClient.getQueryData<UnreadCount>(notificationKeys.unreadCount)?.count)
      .toBe(1);
    stop();
  });

  it('restores a snapshot (a failed optimistic update)', () => {
    const cache = setup();
    const n1 = makeNotification('n1');
    seedList(allKey, [n1]);
    const snapshot = cache.snapshot();
    cache.apply({ kind: 'notifications.allRead', readAt: '2025-03-10T12:05:00.000Z' });
    expect(flattenPages(queryClient.getQueryData<NotificationPages>(allKey))[0]?.isRead).toBe(true);
    cache.restore(snapshot);
    expect(flattenPages(queryClient.getQueryData<NotificationPages>(allKey))[0]?.isRead).toBe(
      false,
    );
  });
});
