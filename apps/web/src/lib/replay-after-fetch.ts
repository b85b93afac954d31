import type { Query, QueryCacheNotifyEvent } from '@tanstack/react-query';

/**
 * A query-cache listener that hands each query's queued changes back once its fetch settles
 * (the answer may predate them), and forgets them when the query is removed.
 */
export function replayAfterFetch<T>(
  replays: Map<string, T>,
  replay: (query: Query, queued: T) => void,
): (cacheEvent: QueryCacheNotifyEvent) => void {
  return (cacheEvent) => {
    const query: Query = cacheEvent.query as Query;
    if (cacheEvent.type === 'removed') {
      replays.delete(query.queryHash);
      return;
    }
    if (cacheEvent.type !== 'updated' || query.state.fetchStatus !== 'idle') return;
    const queued = replays.get(query.queryHash);
    if (queued === undefined) return;
    replays.delete(query.queryHash);
    replay(query, queued);
  };
}
