import type { Notification, User } from '@acme/contracts';
import { invalidateNow } from '../../lib/invalidate-now';
import { replayAfterFetch } from '../../lib/replay-after-fetch';
import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';
import {
  applyEventToPages,
  eventTargetId,
  findInPages,
  nextUnreadCount,
  type CacheEvent,
  type NotificationPages,
} from './cache-updates';
import { createRecordCache } from '../records/record-cache';
import { isNotificationFilter } from './notification-filter';
import { notificationKeys } from './notification-keys';

export interface UnreadCount {
  count: number;
}

export type CacheSnapshot = [QueryKey, unknown][];

/**
 * The notification cache in react-query, kept current by events. One per signed-in tab.
 *
 * A fetch that is in flight when an event arrives would overwrite the patch with an answer
 * the server may have computed before the event. So lists remember the events applied while
 * they were fetching and apply them again once the fetch settles (updates are idempotent),
 * and the count, which cannot be patched twice safely, is simply fetched again.
 */
export interface NotificationCache {
  /** Record events also update the task and lead lists (see record-cache). */
  apply(event: CacheEvent): void;
  /** After `sync.reset`: refetch everything shown, keeping the old data on screen meanwhile. */
  refresh(): Promise<void>;
  snapshot(): CacheSnapshot;
  restore(snapshot: CacheSnapshot): void;
  find(id: string): Notification | undefined;
  /** Starts following fetches (for the replays); returns the stop function. */
  attach(): () => void;
}

/** How long after the last arrival no list knew the count is read again. */
export const COUNT_SETTLE_MS = 400;

export function createNotificationCache(queryClient: QueryClient, viewer: User): NotificationCache {
  const queryCache = queryClient.getQueryCache();
  const records = createRecordCache(queryClient, viewer);
  const replays = new Map<string, CacheEvent[]>();

  const listQueries = () => queryCache.findAll({ queryKey: notificationKeys.lists });

  const find = (id: string): Notification | undefined => {
    let fallback: Notification | undefined;
    for (const query of listQueries()) {
      const found = findInPages(query.state.data as NotificationPages | undefined, id);
      if (!found) continue;
      // Prefer lists that are up to date; an invalidated one may predate a reset.
      if (!query.state.isInvalidated) return found;
      fallback ??= found;
    }
    return fallback;
  };

  const patchList = (query: Query, event: CacheEvent, known: Notification | undefined) => {
    const filter = query.queryKey[2];
    const data = query.state.data as NotificationPages | undefined;
    if (!data || !isNotificationFilter(filter)) return;
    const result = applyEventToPages(data, event, filter, known);
    if (result.data !== data) queryClient.setQueryData(query.queryKey, result.data);
    if (result.stale) void invalidateNow(queryClient, { queryKey: query.queryKey, exact: true });
  };

  const onCacheEvent = replayAfterFetch(replays, (query, queued) => {
    for (const event of queued) {
      const id = eventTargetId(event);
      patchList(query, event, id ? find(id) : undefined);
    }
  });

  const refetchCount = () =>
    invalidateNow(queryClient, { queryKey: notificationKeys.unreadCount, exact: true });
  // A new notification no list holds may still be in the count already: the count was read
  // after it was created but before its event got here (a follower tab's snapshot, a count
  // refetched after a list). Counted once more now, the server settles it shortly after.
  let settle: ReturnType<typeof setTimeout> | undefined;
  const settleCountSoon = () => {
    clearTimeout(settle);
    settle = setTimeout(() => void refetchCount(), COUNT_SETTLE_MS);
  };

  const applyToCount = (event: CacheEvent, known: Notification | undefined) => {
    const query = queryCache.find<UnreadCount>({
      queryKey: notificationKeys.unreadCount,
      exact: true,
    });
    if (!query) return;
    const current = query.state.data;
    const next = current ? nextUnreadCount(current.count, event, known) : null;
    if (current && next !== null && next !== current.count) {
      queryClient.setQueryData<UnreadCount>(notificationKeys.unreadCount, { count: next });
    }
    if (next === null || query.state.fetchStatus === 'fetching') void refetchCount();
    else if (event.kind === 'notification.created' && !known && next !== current?.count) {
      settleCountSoon();
    }
  };

  return {
    apply(event) {
      const id = eventTargetId(event);
      const known = id ? find(id) : undefined;
      if (event.kind === 'task.changed' || event.kind === 'lead.changed') records.apply(event);
      applyToCount(event, known);
      for (const query of listQueries()) {
        patchList(query, event, known);
        if (query.state.fetchStatus === 'fetching') {
          const queued = replays.get(query.queryHash) ?? [];
          queued.push(event);
          replays.set(query.queryHash, queued);
        }
      }
    },
    refresh: async () => {
      await Promise.all([
        invalidateNow(queryClient, { queryKey: notificationKeys.all }),
        records.refresh(),
      ]);
    },
    snapshot: () => queryClient.getQueriesData({ queryKey: notificationKeys.all }),
    restore(snapshot) {
      replays.clear();
      for (const [key, data] of snapshot) queryClient.setQueryData(key, data);
      // Events may have landed since the snapshot; the server has the final word.
      void invalidateNow(queryClient, { queryKey: notificationKeys.all });
    },
    find,
    attach() {
      const unsubscribe = queryCache.subscribe(onCacheEvent);
      const detachRecords = records.attach();
      return () => {
        unsubscribe();
        detachRecords();
        replays.clear();
        clearTimeout(settle);
      };
    },
  };
}
