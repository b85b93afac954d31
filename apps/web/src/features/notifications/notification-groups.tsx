import type { Notification } from '@acme/contracts';
import { useId, useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import { CustomSnoozeDialog } from './custom-snooze-dialog';
import { groupByDay } from './format-time';
import { NotificationItem, type ItemActions } from './notification-item';
import { useNotificationActions } from './use-notification-actions';

/** After the custom-time dialog: back to the row's snooze button, or its row if it left. */
function refocusRow(list: HTMLElement | null, id: string): void {
  const row = list?.querySelector<HTMLElement>(`[data-notification-id="${CSS.escape(id)}"]`);
  const target =
    row?.querySelector<HTMLElement>('[data-snooze-trigger]') ??
    list?.querySelector<HTMLElement>('[data-item-link][tabindex="0"]');
  target?.focus();
}

/** The rows under "Today", "Yesterday" and "Earlier"; opening a row marks it read. */
export function NotificationGroups({
  items,
  now,
  activeId,
  onRowFocus,
  onKeyDown,
  onNavigate,
  listRef,
  panelRef,
}: {
  items: Notification[];
  now: number;
  /** The row in the Tab order. */
  activeId: string | undefined;
  onRowFocus: (notification: Notification) => void;
  onKeyDown: (event: KeyboardEvent<HTMLAnchorElement>) => void;
  onNavigate: () => void;
  listRef: RefObject<HTMLElement | null>;
  panelRef: RefObject<HTMLElement | null>;
}) {
  const actions = useNotificationActions();
  const headingId = useId();
  const [customFor, setCustomFor] = useState<string | null>(null);
  const [lastCustom, setLastCustom] = useState<string | null>(null);
  const groups = useMemo(
    () => groupByDay(items, (item) => new Date(item.createdAt), new Date(now)),
    [items, now],
  );

  const actionsFor = (notification: Notification): ItemActions => ({
    toggleRead: () => {
      if (notification.isRead) actions.markUnread(notification.id);
      else actions.markRead(notification.id);
    },
    archive: () => {
      actions.archive(notification.id);
    },
    unarchive: () => {
      actions.unarchive(notification.id);
    },
    snooze: (until) => {
      actions.snooze(notification.id, until);
    },
    unsnooze: () => {
      actions.unsnooze(notification.id);
    },
    customSnooze: () => {
      setCustomFor(notification.id);
      setLastCustom(notification.id);
    },
  });

  const sections = groups.map(({ group, items: groupItems }) => (
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
            actions={actionsFor(notification)}
            onKeyDown={onKeyDown}
          />
        ))}
      </ul>
    </section>
  ));

  return (
    <>
      {sections}
      <CustomSnoozeDialog
        open={customFor !== null}
        onClose={() => {
          setCustomFor(null);
        }}
        onSnooze={(until) => {
          if (customFor) actions.snooze(customFor, until);
          setCustomFor(null);
        }}
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          if (lastCustom) refocusRow(listRef.current, lastCustom);
          if (!listRef.current?.contains(document.activeElement)) panelRef.current?.focus();
        }}
      />
    </>
  );
}
