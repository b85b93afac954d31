import { useMemo, useRef, type RefObject } from 'react';
import { ListError } from '../../components/ui/list-error';
import { describeError } from '../../lib/errors';
import { flattenPages } from '../../lib/flatten-pages';
import { useNow } from '../../lib/use-now';
import { leadOf, toFeedEntries } from './feed-entries';
import type { NotificationFilter } from './notification-filter';
import { NotificationGroups } from './notification-groups';
import { NotificationListEmpty, NotificationListSkeleton } from './notification-list-states';
import { NextPageSentinel } from './next-page-sentinel';
import { useNotificationList } from './use-notification-queries';
import { useRowFocus } from './use-row-focus';

/**
 * One filtered list: grouped by day, paged by scrolling (a "Load more" button as fallback),
 * with roving focus: arrow keys, Home and End move between rows; Tab goes to the focused
 * row's read toggle, then out of the list.
 */
export function NotificationList({
  filter,
  panelRef,
  onNavigate,
  onClearTypes,
}: {
  filter: NotificationFilter;
  /** Where focus goes when there is nothing to focus in the list. */
  panelRef: RefObject<HTMLElement | null>;
  onNavigate: () => void;
  onClearTypes: () => void;
}) {
  const query = useNotificationList(filter);
  const now = useNow(30_000);
  const listRef = useRef<HTMLDivElement>(null);
  const items = useMemo(() => flattenPages(query.data), [query.data]);
  const entries = useMemo(() => toFeedEntries(items), [items]);
  // Roving focus moves between cards: each is its newest notification.
  const leads = useMemo(() => entries.map(leadOf), [entries]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  // Always mounted, whatever the list shows: the last row going must still move focus.
  const focus = useRowFocus({
    items: leads,
    listRef,
    panelRef,
    onPastEnd: () => {
      if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
    },
  });

  if (query.isPending) return <NotificationListSkeleton />;
  if (query.isError && items.length === 0) {
    return (
      <ListError
        title="Couldn't load notifications"
        message={describeError(query.error)}
        retrying={query.isFetching}
        onRetry={() => {
          void query.refetch();
        }}
      />
    );
  }
  if (items.length === 0) {
    return <NotificationListEmpty filter={filter} onClearTypes={onClearTypes} />;
  }

  return (
    <div ref={listRef} className="pb-2">
      <NotificationGroups
        entries={entries}
        now={now}
        activeId={focus.activeId}
        onRowFocus={focus.onRowFocus}
        onKeyDown={focus.onKeyDown}
        onNavigate={onNavigate}
        listRef={listRef}
        panelRef={panelRef}
      />
      {hasNextPage && (
        <NextPageSentinel fetching={isFetchingNextPage} fetchNextPage={fetchNextPage} />
      )}
      {query.isFetchNextPageError && (
        <p role="alert" className="px-4 pt-2 text-center text-xs text-danger-text">
          Couldn't load more notifications. {describeError(query.error)}
        </p>
      )}
    </div>
  );
}
