import type { ReactNode } from 'react';
import { describeError } from '../../lib/errors';
import { LoadMore } from './data-table';
import { ListError } from './list-error';

interface ListQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  isFetching: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  refetch: () => Promise<unknown>;
  fetchNextPage: () => Promise<unknown>;
}

/**
 * What a paged list shows: its skeleton while the first page loads, the error with a retry,
 * its empty state, or the rows with "Load more" while older pages remain.
 */
export function PagedList({
  query,
  skeleton,
  errorTitle,
  isEmpty,
  empty,
  children,
}: {
  query: ListQuery;
  skeleton: ReactNode;
  errorTitle: string;
  isEmpty: boolean;
  empty: ReactNode;
  children: ReactNode;
}) {
  if (query.isPending) return skeleton;
  if (query.isError) {
    return (
      <ListError
        title={errorTitle}
        message={describeError(query.error)}
        retrying={query.isFetching}
        onRetry={() => {
          void query.refetch();
        }}
      />
    );
  }
  if (isEmpty) return empty;
  return (
    <>
      {children}
      {query.hasNextPage && (
        <LoadMore
          pending={query.isFetchingNextPage}
          onLoad={() => {
            void query.fetchNextPage();
          }}
        />
      )}
    </>
  );
}
