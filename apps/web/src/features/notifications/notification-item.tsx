import type { Notification } from '@acme/contracts';
import { AlarmClock, Archive, ArchiveRestore, Mail, MailOpen } from 'lucide-react';
import type { KeyboardEvent, MouseEvent } from 'react';
import { cn } from '../../lib/cn';
import { hrefFor } from '../../lib/router';
import { formatRelativeTime } from '../../lib/relative-time';
import { formatExactTime } from './format-time';
import { arrivedRecently } from './live-arrivals';
import { notificationTypeInfo, routeOf } from './notification-types';
import { RowAction } from './row-action';
import { SnoozeMenu } from './snooze-menu';
import { formatReturnTime } from './snooze-times';

/** What a row's buttons do, bound to its notification. */
export interface ItemActions {
  toggleRead: () => void;
  archive: () => void;
  unarchive: () => void;
  snooze: (until: Date) => void;
  unsnooze: () => void;
  /** Opens the dialog for a custom snooze time. */
  customSnooze: () => void;
}

/**
 * One row: a link to the record (the roving-focus stop of the list) and its actions (read
 * toggle, snooze menu, archive) that show on hover or focus and are the next Tab stops.
 */
export function NotificationItem({
  notification,
  now,
  active,
  onFocus,
  onOpen,
  actions,
  onKeyDown,
}: {
  notification: Notification;
  now: number;
  /** The row keyboard focus returns to: the only one in the Tab order. */
  active: boolean;
  onFocus: () => void;
  onOpen: (event: MouseEvent<HTMLAnchorElement>) => void;
  actions: ItemActions;
  onKeyDown: (event: KeyboardEvent<HTMLAnchorElement>) => void;
}) {
  const { icon: Icon } = notificationTypeInfo[notification.type];
  const unread = !notification.isRead;
  const created = new Date(notification.createdAt);
  const toggleLabel = unread ? 'Mark as read' : 'Mark as unread';
  const ToggleIcon = unread ? MailOpen : Mail;
  const tabIndex = active ? 0 : -1;
  const archived = notification.archivedAt !== null;
  const snoozedUntil = notification.snoozedUntil ? new Date(notification.snoozedUntil) : null;

  return (
    <li
      data-notification-id={notification.id}
      data-read={notification.isRead}
      className={cn('group/item relative', arrivedRecently(notification.id) && 'animate-slide-in')}
    >
      <a
        href={hrefFor(routeOf(notification))}
        data-item-link
        tabIndex={active ? 0 : -1}
        onFocus={onFocus}
        onClick={onOpen}
        onKeyDown={onKeyDown}
        className="flex gap-3 rounded-md px-3 py-3 transition-colors outline-offset-[-2px] hover:bg-muted [@media(hover:none)]:pr-28"
      >
        <span
          aria-hidden
          className={cn(
            'mt-3 size-2 shrink-0 rounded-full',
            unread ? 'bg-accent' : 'bg-transparent',
          )}
        />
        <span className="flex size-8 shrink-0 items-center justify-center rounded-md border border-line bg-surface text-fg-muted">
          <Icon aria-hidden className="size-4" />
        </span>
        <span className="min-w-0 flex-1">
          <span className="flex items-baseline gap-2">
            {unread && <span className="sr-only">Unread: </span>}
            <span
              className={cn(
                'min-w-0 flex-1 truncate',
                unread ? 'font-semibold text-fg' : 'font-normal text-fg-muted',
              )}
            >
              {notification.title}
            </span>
            <time
              dateTime={notification.createdAt}
              title={formatExactTime(created)}
              className="shrink-0 text-xs text-fg-muted tabular-nums transition-opacity group-focus-within/item:opacity-0 group-hover/item:opacity-0 [@media(hover:none)]:opacity-100"
            >
              {formatRelativeTime(created, new Date(now))}
            </time>
          </span>
          {notification.message && (
            <span className="mt-0.5 line-clamp-2 text-fg-muted">{notification.message}</span>
          )}
          {snoozedUntil && !archived && (
            <span className="mt-1 flex items-center gap-1 text-xs text-accent-text">
              <AlarmClock aria-hidden className="size-3.5" />
              Returns {formatReturnTime(snoozedUntil, new Date(now))}
            </span>
          )}
        </span>
      </a>
      <div
        className={cn(
          'absolute top-2 right-2 flex items-center gap-0.5 rounded-md border border-line bg-surface opacity-0 transition-opacity',
          'group-focus-within/item:opacity-100 group-hover/item:opacity-100 has-[[data-state=open]]:opacity-100',
          '[@media(hover:none)]:top-1/2 [@media(hover:none)]:-translate-y-1/2 [@media(hover:none)]:opacity-100',
        )}
      >
        <RowAction label={toggleLabel} tabIndex={tabIndex} onClick={actions.toggleRead}>
          <ToggleIcon aria-hidden className="size-4" />
        </RowAction>
        {archived ? (
          <RowAction label="Move to inbox" tabIndex={tabIndex} onClick={actions.unarchive}>
            <ArchiveRestore aria-hidden className="size-4" />
          </RowAction>
        ) : (
          <>
            <SnoozeMenu
              notification={notification}
              tabIndex={tabIndex}
              onSnooze={actions.snooze}
              onUnsnooze={actions.unsnooze}
              onCustom={actions.customSnooze}
            />
            <RowAction label="Archive" tabIndex={tabIndex} onClick={actions.archive}>
              <Archive aria-hidden className="size-4" />
            </RowAction>
          </>
        )}
      </div>
    </li>
  );
}
