import type { Notification } from '@acme/contracts';
import { useId, useMemo, type KeyboardEvent } from 'react';
import { groupByDay } from './format-time';
import { NotificationItem } from './notification-item';
import { useNotificationActions } from './use-notification-actions';

/** The rows under "Today", "Yesterday" and "Earlier"; opening a row marks it read. */
export function NotificationGroups({
  items,
  now,
  activeId,
  onRowFocus,
  onKeyDown,
  onNavigate,
}: {
  items: Notification[];
  now: number;
  /** The row in the Tab order. */
  activeId: string | undefined;
  onRowFocus: (notification: Notification) => void;
  onKeyDown: (event: KeyboardEvent<HTMLAnchorElement>) => void;
  onNavigate: () => void;
}) {
  const actions = useNotificationActions();
  const headingId = useId();
  const groups = useMemo(
    () => groupByDay(items, (item) => new Date(item.createdAt), new Date(now)),
    [items, now],
  );

  return groups.map(({ group, items: groupItems }) => (
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
            active={notification.id === activeId}
            onFocus={() => {
              onRowFocus(notification);
            }}
            onOpen={(event) => {
              if (!notification.isRead) actions.markRead(notification.id);
              // A new-tab click leaves this view as it is.
              if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
              onNavigate();
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
  ));
}
