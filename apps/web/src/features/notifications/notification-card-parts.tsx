import type { Notification } from '@acme/contracts';
import { formatRelativeTime } from '../../lib/relative-time';
import { formatExactTime } from './format-time';
import { ActorAvatar } from './notification-avatars';
import { buildLine, type LineContext } from './notification-line';
import { LineView } from './notification-line-view';

/** The card's time, on its own row so hover actions never cover it (nor does focus). */
export function CardTime({ createdAt, now }: { createdAt: string; now: Date }) {
  const created = new Date(createdAt);
  return (
    <span className="flex min-h-8 items-center">
      <time
        dateTime={createdAt}
        title={formatExactTime(created)}
        className="text-xs text-fg-muted tabular-nums"
      >
        {formatRelativeTime(created, now)}
      </time>
    </span>
  );
}

/** The items of a collapsed card, newest first: each one's line and time. */
export function SubItems({
  id,
  items,
  ctx,
}: {
  id: string;
  items: Notification[];
  ctx: LineContext;
}) {
  return (
    // Not a list: a card's items are not cards of the feed.
    <div
      id={id}
      role="group"
      aria-label="Updates"
      className="flex flex-col gap-1 pr-3 pb-3 pl-[4.75rem]"
    >
      {items.map((item) => (
        <div
          key={item.id}
          data-sub-item={item.id}
          className="flex gap-2 border-l-2 border-line pl-3 text-sm text-fg-muted"
        >
          <ActorAvatar actor={item.actor} small />
          <span className="min-w-0 flex-1">
            <LineView parts={buildLine(item, ctx).parts} />
            <span className="block text-xs tabular-nums">
              <time dateTime={item.createdAt} title={formatExactTime(new Date(item.createdAt))}>
                {formatRelativeTime(new Date(item.createdAt), ctx.now)}
              </time>
            </span>
          </span>
        </div>
      ))}
    </div>
  );
}
