import type { ReactNode } from 'react';
import { describeError } from '../../lib/errors';
import { Card } from './card';
import { LoadMore } from './data-table';
import { ListError } from './list-error';

/** The part of a tRPC infinite query a list card reads. */
export interface PagedListQuery {
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
 * A paged list in its card: placeholder rows while the first page loads, what went wrong
 * (with a retry) when it failed, the empty state, or the records and "Load more".
 */
export function PagedListCard({
  name,
  query,
  skeleton,
  isEmpty,
  empty,
  children,
}: {
  /** What the list holds, in lower case after "Couldn't load". */
  name: string;
  query: PagedListQuery;
  skeleton: ReactNode;
  isEmpty: boolean;
  empty: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card className="overflow-hidden">
      {query.isPending ? (
        skeleton
      ) : query.isError ? (
        <ListError
          title={`Couldn't load ${name.toLowerCase()}`}
          message={describeError(query.error)}
          retrying={query.isFetching}
          onRetry={() => {
            void query.refetch();
          }}
        />
      ) : isEmpty ? (
        empty
      ) : (
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
      )}
    </Card>
  );
}
