import type { Notification } from '@acme/contracts';
import { Mail, MailOpen } from 'lucide-react';
import { Tooltip } from 'radix-ui';
import type { KeyboardEvent, MouseEvent } from 'react';
import { cn } from '../../lib/cn';
import { hrefFor } from '../../lib/router';
import { formatRelativeTime } from '../../lib/relative-time';
import { formatExactTime } from './format-time';
import { arrivedRecently } from './live-arrivals';
import { notificationTypeInfo, routeOf } from './notification-types';

/**
 * One row: a link to the record (the roving-focus stop of the list) and a read toggle that
 * shows on hover or focus and is the next Tab stop after its row.
 */
export function NotificationItem({
  notification,
  now,
  active,
  onFocus,
  onOpen,
  onToggleRead,
  onKeyDown,
}: {
  notification: Notification;
  now: number;
  /** The row keyboard focus returns to: the only one in the Tab order. */
  active: boolean;
  onFocus: () => void;
  onOpen: (event: MouseEvent<HTMLAnchorElement>) => void;
  onToggleRead: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLAnchorElement>) => void;
}) {
  const { icon: Icon } = notificationTypeInfo[notification.type];
  const unread = !notification.isRead;
  const created = new Date(notification.createdAt);
  const toggleLabel = unread ? 'Mark as read' : 'Mark as unread';
  const ToggleIcon = unread ? MailOpen : Mail;

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
        className="flex gap-3 rounded-md px-3 py-3 transition-colors outline-offset-[-2px] hover:bg-muted [@media(hover:none)]:pr-12"
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
        </span>
      </a>
      <Tooltip.Root>
        <Tooltip.Trigger asChild>
          <button
            type="button"
            aria-label={toggleLabel}
            tabIndex={active ? 0 : -1}
            onClick={onToggleRead}
            // Hover only: a tooltip opened by focus would take the first Escape, which should
            // close the panel. Its aria-label already names it for keyboard users.
            onFocus={(event) => {
              event.preventDefault();
            }}
            className="absolute top-2 right-2 flex size-8 cursor-pointer items-center justify-center rounded-md border border-line bg-surface text-fg-muted opacity-0 transition-opacity [@media(hover:none)]:top-1/2 [@media(hover:none)]:-translate-y-1/2 group-focus-within/item:opacity-100 group-hover/item:opacity-100 hover:text-fg focus-visible:opacity-100 [@media(hover:none)]:opacity-100"
          >
            <ToggleIcon aria-hidden className="size-4" />
          </button>
        </Tooltip.Trigger>
        <Tooltip.Portal>
          <Tooltip.Content
            side="left"
            sideOffset={4}
            className="z-[60] rounded-md border border-line bg-surface px-2 py-1 text-xs text-fg shadow-float"
          >
            {toggleLabel}
          </Tooltip.Content>
        </Tooltip.Portal>
      </Tooltip.Root>
    </li>
  );
}
