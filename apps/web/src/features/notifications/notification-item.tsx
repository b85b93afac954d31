import type { Notification } from '@acme/contracts';
import { AlarmClock, Archive, ArchiveRestore, Mail, MailOpen } from 'lucide-react';
import { useId, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { cn } from '../../lib/cn';
import { hrefFor } from '../../lib/router';
import { CardActions } from './card-actions';
import { leadOf, type FeedEntry } from './feed-entries';
import { arrivedRecently } from './live-arrivals';
import { StackedAvatars } from './notification-avatars';
import { CardTime, SubItems } from './notification-card-parts';
import {
  buildLine,
  buildRecordGroupLine,
  buildRunLine,
  recordOf,
  type LineContext,
  type LinePart,
} from './notification-line';
import { LineView } from './notification-line-view';
import { routeOf } from './notification-types';
import { RowAction } from './row-action';
import { SnoozeMenu } from './snooze-menu';
import { formatReturnTime } from './snooze-times';

/** What a card's buttons do, bound to its notifications (every one of a collapsed card). */
export interface ItemActions {
  toggleRead: () => void;
  archive: () => void;
  unarchive: () => void;
  snooze: (until: Date) => void;
  unsnooze: () => void;
  /** Opens the dialog for a custom snooze time. */
  customSnooze: () => void;
}

function entryLine(entry: FeedEntry, ctx: LineContext): { parts: LinePart[]; note: string | null } {
  const lead = leadOf(entry);
  switch (entry.kind) {
    case 'single':
      return buildLine(lead, ctx);
    case 'record':
      return { parts: buildRecordGroupLine(recordOf(lead).name, entry.items.length), note: null };
    case 'run':
      return {
        parts: buildRunLine(lead.type, lead.actor?.name ?? 'Someone', entry.items.length),
        note: null,
      };
  }
}

/**
 * One card: a link to the record (the roving-focus stop of the list), its hover actions (read
 * toggle, snooze menu, archive) and its own actions (Mark done, Open lead, Snooze 1 h, show
 * the items of a collapsed card), the next Tab stops in that order.
 */
export function NotificationItem({
  entry,
  ctx,
  active,
  onFocus,
  onOpen,
  onOpenRecord,
  actions,
  onKeyDown,
}: {
  entry: FeedEntry;
  ctx: LineContext;
  /** The card keyboard focus returns to: the only one in the Tab order. */
  active: boolean;
  onFocus: () => void;
  onOpen: (event: MouseEvent<HTMLAnchorElement>) => void;
  /** Opens the record from a card button, as clicking the card does. */
  onOpenRecord: () => void;
  actions: ItemActions;
  onKeyDown: (event: KeyboardEvent<HTMLAnchorElement>) => void;
}) {
  const lead = leadOf(entry);
  const [expanded, setExpanded] = useState(false);
  const itemsId = useId();
  const unread = entry.items.some((item: Notification) => !item.isRead);
  const toggleLabel = unread ? 'Mark as read' : 'Mark as unread';
  const ToggleIcon = unread ? MailOpen : Mail;
  const tabIndex = active ? 0 : -1;
  const archived = lead.archivedAt !== null;
  const snoozedUntil = lead.snoozedUntil ? new Date(lead.snoozedUntil) : null;
  const line = entryLine(entry, ctx);
  const collapsed = entry.kind !== 'single';
  const sameRecord = entry.kind !== 'run';

  return (
    <li
      data-notification-id={lead.id}
      data-read={!unread}
      data-card={entry.kind}
      className={cn('group/item relative', arrivedRecently(lead.id) && 'animate-slide-in')}
    >
      <div className="relative">
        <a
          href={hrefFor(routeOf(lead))}
          data-item-link
          tabIndex={tabIndex}
          onFocus={onFocus}
          onClick={onOpen}
          onKeyDown={onKeyDown}
          className="flex gap-3 rounded-md px-3 pt-3 pb-1 transition-colors outline-offset-[-2px] hover:bg-muted"
        >
          <span
            aria-hidden
            className={cn(
              'mt-3 size-2 shrink-0 rounded-full',
              unread ? 'bg-accent' : 'bg-transparent',
            )}
          />
          <StackedAvatars actors={entry.items.map((item) => item.actor)} />
          <span className={cn('min-w-0 flex-1', unread ? 'text-fg' : 'text-fg-muted')}>
            {unread && <span className="sr-only">Unread: </span>}
            <LineView parts={line.parts} />
            {line.note && (
              <span className="mt-0.5 line-clamp-2 block text-fg-muted">{line.note}</span>
            )}
            {snoozedUntil && !archived && (
              <span className="mt-1 flex items-center gap-1 text-xs text-accent-text">
                <AlarmClock aria-hidden className="size-3.5" />
                Returns {formatReturnTime(snoozedUntil, ctx.now)}
              </span>
            )}
            <CardTime createdAt={lead.createdAt} now={ctx.now} />
          </span>
        </a>
        <div
          className={cn(
            'absolute right-2 bottom-1 flex items-center gap-0.5 rounded-md border border-line bg-surface opacity-0 transition-opacity',
            'group-focus-within/item:opacity-100 group-hover/item:opacity-100 has-[[data-state=open]]:opacity-100',
            '[@media(hover:none)]:opacity-100',
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
                notification={lead}
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
      </div>
      <CardActions
        notification={sameRecord ? lead : null}
        tabIndex={tabIndex}
        onOpen={onOpenRecord}
        onSnooze={actions.snooze}
        expand={
          collapsed
            ? {
                count: entry.items.length,
                expanded,
                controls: itemsId,
                toggle: () => {
                  setExpanded((open) => !open);
                },
              }
            : null
        }
      />
      {collapsed && expanded && <SubItems id={itemsId} items={entry.items} ctx={ctx} />}
    </li>
  );
}
