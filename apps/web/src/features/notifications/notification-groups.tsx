import type { Notification } from '@acme/contracts';
import { useId, useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import { CustomSnoozeDialog } from './custom-snooze-dialog';
import { groupByDay } from './format-time';
import { NotificationItem, type ItemActions } from './notification-item';
import { leadOf, type FeedEntry } from './feed-entries';
import { useNotificationActions } from './use-notification-actions';
import { useLineContext } from './use-line-context';

/** After the custom-time dialog: back to the row's snooze button, or its row if it left. */
function refocusRow(list: HTMLElement | null, id: string): void {
  const row = list?.querySelector<HTMLElement>(`[data-notification-id="${CSS.escape(id)}"]`);
  const target =
    row?.querySelector<HTMLElement>('[data-snooze-trigger]') ??
    list?.querySelector<HTMLElement>('[data-item-link][tabindex="0"]');
  target?.focus();
}

/** The cards under "Today", "Yesterday" and "Earlier"; opening a card marks it read. */
export function NotificationGroups({
  entries,
  now,
  activeId,
  onRowFocus,
  onKeyDown,
  onNavigate,
  listRef,
  panelRef,
}: {
  entries: FeedEntry[];
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
  const ctx = useLineContext(now);
  const [customFor, setCustomFor] = useState<string[] | null>(null);
  const [lastCustom, setLastCustom] = useState<string | null>(null);
  const groups = useMemo(
    () => groupByDay(entries, (entry) => new Date(leadOf(entry).createdAt), new Date(now)),
    [entries, now],
  );

  // A collapsed card acts on every item of it: one call per id, one batched request.
  const actionsFor = (entry: FeedEntry): ItemActions => {
    const ids = entry.items.map((item) => item.id);
    const unread = entry.items.filter((item) => !item.isRead);
    const each = (act: (id: string) => void) => () => {
      ids.forEach(act);
    };
    return {
      toggleRead: () => {
        if (unread.length > 0) for (const item of unread) actions.markRead(item.id);
        else ids.forEach(actions.markUnread);
      },
      archive: each(actions.archive),
      unarchive: each(actions.unarchive),
      snooze: (until) => {
        for (const id of ids) actions.snooze(id, until);
      },
      unsnooze: each(actions.unsnooze),
      customSnooze: () => {
        setCustomFor(ids);
        setLastCustom(leadOf(entry).id);
      },
    };
  };

  const open = (entry: FeedEntry) => {
    for (const item of entry.items) if (!item.isRead) actions.markRead(item.id);
  };

  const sections = groups.map(({ group, items: groupItems }) => (
    <section key={group} aria-labelledby={`${headingId}-${group}`}>
      <h3
        id={`${headingId}-${group}`}
        className="sticky top-0 z-10 bg-surface px-4 pt-3 pb-1 text-xs font-medium text-fg-muted"
      >
        {group}
      </h3>
      <ul className="flex flex-col px-1">
        {groupItems.map((entry) => (
          <NotificationItem
            key={entry.key}
            entry={entry}
            ctx={ctx}
            active={leadOf(entry).id === activeId}
            onFocus={() => {
              onRowFocus(leadOf(entry));
            }}
            onOpen={(event) => {
              open(entry);
              // A new-tab click leaves this view as it is.
              if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
              onNavigate();
            }}
            onOpenRecord={() => {
              open(entry);
              onNavigate();
              actions.open(leadOf(entry));
            }}
            actions={actionsFor(entry)}
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
          for (const id of customFor ?? []) actions.snooze(id, until);
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
