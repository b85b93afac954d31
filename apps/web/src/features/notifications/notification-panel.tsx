import type { NotificationType } from '@acme/contracts';
import { CheckCheck } from 'lucide-react';
import { Tabs } from 'radix-ui';
import type { ReactNode, RefObject } from 'react';
import { Button } from '../../components/ui/button';
import { badgeText } from './format-time';
import { makeFilter, type InboxTab } from './notification-filter';
import { NotificationList } from './notification-list';
import { TypeFilterMenu } from './type-filter-menu';
import { useNotificationActions } from './use-notification-actions';
import { useUnreadCount } from './use-notification-queries';

const tabs: { value: InboxTab; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'unread', label: 'Unread' },
];

/** The inbox itself, the same in the popover and the phone sheet. */
export function NotificationPanel({
  heading,
  closeButton,
  panelRef,
  tab,
  onTabChange,
  types,
  onTypesChange,
  onNavigate,
}: {
  heading: ReactNode;
  closeButton?: ReactNode;
  panelRef: RefObject<HTMLDivElement | null>;
  tab: InboxTab;
  onTabChange: (tab: InboxTab) => void;
  types: NotificationType[];
  onTypesChange: (types: NotificationType[]) => void;
  onNavigate: () => void;
}) {
  const unread = useUnreadCount();
  const actions = useNotificationActions();
  const unreadBadge = badgeText(unread ?? 0);

  return (
    <div ref={panelRef} tabIndex={-1} className="flex h-full min-h-0 flex-col outline-none">
      <div className="flex items-center gap-2 py-2 pr-2 pl-4">
        <div className="min-w-0 flex-1">{heading}</div>
        <Button
          variant="ghost"
          size="sm"
          className="px-2"
          disabled={unread === 0}
          pending={actions.markingAllRead}
          onClick={actions.markAllRead}
        >
          {!actions.markingAllRead && <CheckCheck aria-hidden />}
          Mark all as read
        </Button>
        {closeButton}
      </div>
      <Tabs.Root
        value={tab}
        onValueChange={(value) => {
          onTabChange(value === 'unread' ? 'unread' : 'all');
        }}
        className="flex min-h-0 flex-1 flex-col"
      >
        <div className="flex items-center justify-between gap-2 border-b border-line pr-2 pl-2">
          <Tabs.List aria-label="Which notifications" className="flex gap-1">
            {tabs.map(({ value, label }) => (
              <Tabs.Trigger
                key={value}
                value={value}
                className="relative inline-flex h-10 cursor-pointer items-center gap-2 rounded-sm px-2 text-sm font-medium text-fg-muted transition-colors outline-offset-[-2px] hover:text-fg data-[state=active]:text-fg data-[state=active]:after:absolute data-[state=active]:after:inset-x-2 data-[state=active]:after:bottom-0 data-[state=active]:after:h-0.5 data-[state=active]:after:rounded-full data-[state=active]:after:bg-accent"
              >
                {label}
                {value === 'unread' && unreadBadge && (
                  <span className="inline-flex h-5 min-w-5 items-center justify-center rounded-full bg-accent-soft px-1.5 text-xs font-medium text-accent-text tabular-nums">
                    {unreadBadge}
                  </span>
                )}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
          <TypeFilterMenu selected={types} onChange={onTypesChange} />
        </div>
        {tabs.map(({ value }) => (
          <Tabs.Content
            key={value}
            value={value}
            tabIndex={-1}
            className="min-h-0 flex-1 overflow-y-auto overscroll-contain outline-none"
          >
            <NotificationList
              filter={makeFilter(value, types)}
              panelRef={panelRef}
              onNavigate={onNavigate}
              onClearTypes={() => {
                onTypesChange([]);
              }}
            />
          </Tabs.Content>
        ))}
      </Tabs.Root>
    </div>
  );
}
