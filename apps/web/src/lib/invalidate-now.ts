import type { InvalidateQueryFilters, QueryClient } from '@tanstack/react-query';

/**
 * `invalidateQueries`, where a first fetch still in flight starts over too. TanStack Query
 * cancels an in-flight fetch for an invalidation only when the query already has data; a
 * first load is joined instead, and that load may have been answered before the news that
 * caused the invalidation (a notification created while the page was still loading).
 */
export async function invalidateNow(
  queryClient: QueryClient,
  filters: InvalidateQueryFilters,
): Promise<void> {
  const { predicate, refetchType: _, ...match } = filters;
  await queryClient.cancelQueries({
    ...match,
    predicate: (query) =>
      query.state.data === undefined &&
      query.state.fetchStatus === 'fetching' &&
      (predicate?.(query) ?? true),
  });
  await queryClient.invalidateQueries(filters);
}
