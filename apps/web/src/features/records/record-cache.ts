import type { Lead, StreamEvent, Task, User } from '@acme/contracts';
import { invalidateNow } from '../../lib/invalidate-now';
import { replayAfterFetch } from '../../lib/replay-after-fetch';
import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';
import { getQueryKey } from '@trpc/react-query';
import { z } from 'zod';
import type { PagedRecords } from '../../lib/paged-records';
import { trpc } from '../../lib/trpc';
import { applyRecordChange, isNewer } from './record-updates';
import { leadBelongs, taskBelongs, taskListFilterSchema } from './record-visibility';

export type RecordEvent = Extract<StreamEvent, { kind: 'task.changed' | 'lead.changed' }>;

/** The filter part of a cached list's key: `[path, { input, type: 'infinite' }]`. */
const taskListKeySchema = z.object({ input: taskListFilterSchema.default({}) });

const taskListsKey = (): QueryKey => getQueryKey(trpc.tasks.list);
const leadListsKey = (): QueryKey => getQueryKey(trpc.leads.list);

const recordOf = (event: RecordEvent): Task | Lead =>
  event.kind === 'task.changed' ? event.task : event.lead;
const keyOf = (event: RecordEvent) => `${event.kind}:${recordOf(event).id}`;

/**
 * The task and lead lists in react-query, kept current by `task.changed` / `lead.changed`
 * (and by mutation results, which are the same snapshots). One per signed-in tab.
 *
 * The latest snapshot of each record is remembered: an older one arriving later (a replay,
 * a mutation's result after the stream's newer event) is dropped, so a row that left a list
 * never comes back from it. Lists fetching when a change lands get it again once the fetch
 * settles, as the answer may predate it.
 */
export interface RecordCache {
  apply(event: RecordEvent): void;
  /** After `sync.reset`: changes were missed, so every list is fetched again. */
  refresh(): Promise<void>;
  /** Starts following fetches (for the replays); returns the stop function. */
  attach(): () => void;
}

export function createRecordCache(queryClient: QueryClient, viewer: User): RecordCache {
  const queryCache = queryClient.getQueryCache();
  const latest = new Map<string, RecordEvent>();
  const replays = new Map<string, Set<string>>();

  const listsFor = (event: RecordEvent) =>
    queryCache.findAll({
      queryKey: event.kind === 'task.changed' ? taskListsKey() : leadListsKey(),
    });

  /** Whether the record belongs in this list; null when the list's filter is unknown. */
  const belongs = (query: Query, event: RecordEvent): boolean | null => {
    if (event.kind === 'lead.changed') return leadBelongs(viewer, event.lead);
    const key = taskListKeySchema.safeParse(query.queryKey[1] ?? {});
    return key.success ? taskBelongs(viewer, key.data.input, event.task) : null;
  };

  const patch = (query: Query, event: RecordEvent) => {
    const data = query.state.data as PagedRecords<Task | Lead> | undefined;
    if (!data) return;
    const fits = belongs(query, event);
    if (fits === null) {
      void invalidateNow(queryClient, { queryKey: query.queryKey, exact: true });
      return;
    }
    const next = applyRecordChange(data, recordOf(event), fits);
    if (next !== data) queryClient.setQueryData(query.queryKey, next);
  };

  const onCacheEvent = replayAfterFetch(replays, (query, queued) => {
    for (const key of queued) {
      const event = latest.get(key);
      if (event) patch(query, event);
    }
  });

  return {
    apply(event) {
      const key = keyOf(event);
      const seen = latest.get(key);
      if (seen && isNewer(recordOf(seen), recordOf(event))) return;
      latest.set(key, event);
      for (const query of listsFor(event)) {
        patch(query, event);
        if (query.state.fetchStatus === 'fetching') {
          const queued = replays.get(query.queryHash) ?? new Set<string>();
          queued.add(key);
          replays.set(query.queryHash, queued);
        }
      }
    },
    refresh: async () => {
      await Promise.all([
        invalidateNow(queryClient, { queryKey: taskListsKey() }),
        invalidateNow(queryClient, { queryKey: leadListsKey() }),
      ]);
    },
    attach() {
      const unsubscribe = queryCache.subscribe(onCacheEvent);
      return () => {
        unsubscribe();
        replays.clear();
      };
    },
  };
}
