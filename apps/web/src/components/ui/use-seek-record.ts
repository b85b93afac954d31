import { useEffect, useRef } from 'react';

/** How many pages to load looking for a linked record before saying it isn't here. */
const SEEK_PAGES = 5;

export interface PagedQuery {
  isSuccess: boolean;
  isFetching: boolean;
  hasNextPage: boolean;
  data?: { pages: readonly unknown[] } | undefined;
  refetch: () => Promise<unknown>;
  fetchNextPage: () => Promise<unknown>;
}

/**
 * Finds a record the address names (`#/leads/<id>`, from a notification) in a paged list:
 * refetches once (the list may predate the record), then loads further pages until it
 * turns up. Returns true once it is clear the record is not in this list.
 */
export function useSeekRecord(
  query: PagedQuery,
  seekId: string | null,
  found: boolean,
  /** Changes when the list's filter does: a new list is searched afresh. */
  listKey = '',
): boolean {
  const refetchedFor = useRef<string | null>(null);
  const key = `${listKey}:${seekId ?? ''}`;
  const { isSuccess, isFetching, hasNextPage, refetch, fetchNextPage } = query;
  const pages = query.data?.pages.length ?? 0;
  const seeking = seekId !== null && !found && isSuccess;
  const canLoadMore = hasNextPage && pages < SEEK_PAGES;

  useEffect(() => {
    if (!seeking || isFetching) return;
    if (refetchedFor.current !== key) {
      refetchedFor.current = key;
      void refetch();
    } else if (canLoadMore) {
      void fetchNextPage();
    }
  }, [seeking, isFetching, key, canLoadMore, refetch, fetchNextPage]);

  return seeking && !isFetching && refetchedFor.current === key && !canLoadMore;
}
