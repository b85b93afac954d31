import { Archive, CheckCheck, Ellipsis, Settings } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { Button } from '../../components/ui/button';
import { flattenPages } from '../../lib/flatten-pages';
import { navigate } from '../../lib/router';
import type { NotificationFilter } from './notification-filter';
import { MenuContent, menuItemClass } from './menu-content';
import { useNotificationActions } from './use-notification-actions';
import { useNotificationList, useUnreadCount } from './use-notification-queries';

/**
 * How many unread items "mark all" would cover for what the panel shows, or null when that
 * is not known without loading everything (a type filter over more than one page).
 */
function useShownUnread(filter: NotificationFilter): number | null {
  const unread = useUnreadCount();
  const list = useNotificationList(filter);
  if (!filter.types) return unread ?? null;
  if (!list.data || list.hasNextPage) return null;
  return flattenPages(list.data).filter((item) => !item.isRead).length;
}

/** "Mark N as read" for exactly what the inbox shows (its type filter), and the rest. */
export function PanelActions({
  filter,
  onNavigate,
}: {
  filter: NotificationFilter;
  onNavigate: () => void;
}) {
  const actions = useNotificationActions();
  const inbox = filter.view === 'inbox';
  return (
    <>
      {inbox && <MarkShownRead filter={filter} />}
      <DropdownMenu.Root>
        <DropdownMenu.Trigger asChild>
          <Button variant="ghost" size="icon" aria-label="More actions">
            <Ellipsis aria-hidden />
          </Button>
        </DropdownMenu.Trigger>
        <MenuContent>
          <DropdownMenu.Item
            disabled={actions.archivingAllRead}
            onSelect={actions.archiveAllRead}
            className={menuItemClass}
          >
            <Archive aria-hidden className="size-4 text-fg-muted" />
            Archive all read
          </DropdownMenu.Item>
          <DropdownMenu.Separator className="-mx-1 my-1 h-px bg-line" />
          <DropdownMenu.Item
            onSelect={() => {
              onNavigate();
              navigate({ section: 'settings' });
            }}
            className={menuItemClass}
          >
            <Settings aria-hidden className="size-4 text-fg-muted" />
            Notification settings
          </DropdownMenu.Item>
        </MenuContent>
      </DropdownMenu.Root>
    </>
  );
}

function MarkShownRead({ filter }: { filter: NotificationFilter }) {
  const actions = useNotificationActions();
  const count = useShownUnread(filter);
  return (
    <Button
      variant="ghost"
      size="sm"
      className="px-2"
      disabled={count === 0}
      pending={actions.markingAllRead}
      onClick={() => {
        actions.markAllRead(filter.types);
      }}
    >
      {!actions.markingAllRead && <CheckCheck aria-hidden />}
      {count === null ? 'Mark all as read' : `Mark ${count} as read`}
    </Button>
  );
}
