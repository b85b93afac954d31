import type { Notification } from '@acme/contracts';
import { BellOff, CheckCheck, CircleAlert, ListFilter, RotateCw } from 'lucide-react';
import {
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
} from 'react';
import { EmptyState } from '../../components/empty-state';
import { Button } from '../../components/ui/button';
import { Skeleton } from '../../components/ui/spinner';
import { describeError } from '../../lib/errors';
import { useNow } from '../../lib/use-now';
import { flattenPages } from './cache-updates';
import { groupByDay } from './format-time';
import { NotificationItem } from './notification-item';
import type { NotificationFilter } from './notification-filter';
import { useNotificationActions } from './use-notification-actions';
import { useNotificationList } from './use-notification-queries';

function LoadingRows() {
  return (
    <div role="status" aria-label="Loading notifications" className="flex flex-col gap-1 p-2">
      {[0, 1, 2, 3, 4].map((row) => (
        <div key={row} className="flex gap-3 px-3 py-3">
          <span className="mt-3 size-2 shrink-0" />
          <Skeleton className="size-8 shrink-0" />
          <div className="flex flex-1 flex-col gap-2 pt-1">
            <Skeleton className="h-3.5 w-3/5" />
            <Skeleton className="h-3 w-11/12" />
          </div>
        </div>
      ))}
    </div>
  );
}

function focusLink(container: HTMLElement | null, id: string): void {
  container
    ?.querySelector<HTMLElement>(`[data-notification-id="${CSS.escape(id)}"] [data-item-link]`)
    ?.focus();
}

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
  const actions = useNotificationActions();
  const now = useNow(30_000);
  const headingId = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const sentinelRef = useRef<HTMLDivElement>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const activeIndex = useRef(0);

  const items = useMemo(() => flattenPages(query.data), [query.data]);
  const groups = useMemo(
    () => groupByDay(items, (item) => new Date(item.createdAt), new Date(now)),
    [items, now],
  );
  const activeItem =
    items.find((item) => item.id === activeId) ??
    items[Math.min(activeIndex.current, items.length - 1)];

  // When the focused row disappears (read while showing Unread, marked all read), keep
  // keyboard focus in the list rather than letting it fall to the page.
  useLayoutEffect(() => {
    if (activeId === null || items.some((item) => item.id === activeId)) return;
    const focusLost = document.activeElement === document.body;
    const fallback = items[Math.min(activeIndex.current, items.length - 1)];
    setActiveId(fallback?.id ?? null);
    if (!focusLost) return;
    if (fallback) focusLink(listRef.current, fallback.id);
    else panelRef.current?.focus();
  }, [items, activeId, panelRef]);

  // The panel opened before its list loaded: focus the newest row once it's there.
  const firstId = items[0]?.id;
  useEffect(() => {
    if (firstId && document.activeElement === panelRef.current) {
      focusLink(listRef.current, firstId);
    }
  }, [firstId, panelRef]);

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    const sentinel = sentinelRef.current;
    if (!sentinel || !hasNextPage || isFetchingNextPage) return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) void fetchNextPage();
      },
      { rootMargin: '160px' },
    );
    observer.observe(sentinel);
    return () => {
      observer.disconnect();
    };
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const onKeyDown = (event: KeyboardEvent<HTMLAnchorElement>) => {
    const links = Array.from(
      listRef.current?.querySelectorAll<HTMLElement>('[data-item-link]') ?? [],
    );
    const index = links.indexOf(event.currentTarget);
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = index + 1;
        if (next >= links.length && hasNextPage && !isFetchingNextPage) void fetchNextPage();
        break;
      case 'ArrowUp':
        next = index - 1;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = links.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    links[Math.max(0, Math.min(next, links.length - 1))]?.focus();
  };

  const onOpen = (event: MouseEvent<HTMLAnchorElement>, notification: Notification) => {
    if (!notification.isRead) actions.markRead(notification.id);
    // A new-tab click leaves this view as it is.
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    onNavigate();
  };

  if (query.isPending) return <LoadingRows />;

  if (query.isError && items.length === 0) {
    return (
      <div role="alert" className="flex flex-col items-center px-6 py-12 text-center">
        <CircleAlert aria-hidden className="mb-3 size-5 text-danger-text" />
        <p className="font-medium text-fg">Couldn't load notifications</p>
        <p className="mt-1 max-w-xs text-fg-muted">{describeError(query.error)}</p>
        <Button
          className="mt-4"
          pending={query.isFetching}
          onClick={() => {
            void query.refetch();
          }}
        >
          {!query.isFetching && <RotateCw aria-hidden />}
          Retry
        </Button>
      </div>
    );
  }

  if (items.length === 0) {
    if (filter.types) {
      return (
        <EmptyState
          icon={ListFilter}
          title={filter.unreadOnly ? 'Nothing unread of these types' : 'None of these types yet'}
          action={<Button onClick={onClearTypes}>Show all types</Button>}
        >
          Notifications of the types you picked will show up here.
        </EmptyState>
      );
    }
    return filter.unreadOnly ? (
      <EmptyState icon={CheckCheck} title="You're all caught up">
        Nothing unread. New notifications will show up here.
      </EmptyState>
    ) : (
      <EmptyState icon={BellOff} title="No notifications yet">
        They appear here when work is assigned to you.
      </EmptyState>
    );
  }

  return (
    <div ref={listRef} className="pb-2">
      {groups.map(({ group, items: groupItems }) => (
        <section key={group} aria-labelledby={`${headingId}-${group}`}>
          <h3
            id={`${headingId}-${group}`}
            className="sticky top-0 z-10 bg-surface px-4 pt-3 pb-1 text-xs font-medium text-fg-muted"
          >
            {group}
          </h3>
          <ul className="flex flex-col px-1">
            {groupItems.map((notification) => (
              <NotificationItem
                key={notification.id}
                notification={notification}
                now={now}
                active={notification.id === activeItem?.id}
                onFocus={() => {
                  setActiveId(notification.id);
                  activeIndex.current = items.indexOf(notification);
                }}
                onOpen={(event) => {
                  onOpen(event, notification);
                }}
                onToggleRead={() => {
                  if (notification.isRead) actions.markUnread(notification.id);
                  else actions.markRead(notification.id);
                }}
                onKeyDown={onKeyDown}
              />
            ))}
          </ul>
        </section>
      ))}
      {hasNextPage && (
        <div ref={sentinelRef} className="flex justify-center px-4 pt-2">
          <Button
            variant="ghost"
            pending={isFetchingNextPage}
            onClick={() => {
              void fetchNextPage();
            }}
          >
            {isFetchingNextPage ? 'Loading…' : 'Load more'}
          </Button>
        </div>
      )}
      {query.isFetchNextPageError && (
        <p role="alert" className="px-4 pt-2 text-center text-xs text-danger-text">
          Couldn't load more notifications. {describeError(query.error)}
        </p>
      )}
    </div>
  );
}
