import type { NotificationType, NotificationView } from '@acme/contracts';
import { Tabs } from 'radix-ui';
import type { ReactNode, RefObject } from 'react';
import { badgeText } from './format-time';
import { makeFilter, type InboxTab } from './notification-filter';
import { NotificationList } from './notification-list';
import { PanelActions } from './panel-actions';
import { TypeFilterMenu } from './type-filter-menu';
import { useUnreadCount } from './use-notification-queries';
import { ViewMenu } from './view-menu';

const tabs: { value: InboxTab; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'unread', label: 'Unread' },
];

/** The inbox itself, the same in the popover and the phone sheet. */
export function NotificationPanel({
  heading,
  closeButton,
  panelRef,
  view,
  onViewChange,
  tab,
  onTabChange,
  types,
  onTypesChange,
  onNavigate,
}: {
  heading: ReactNode;
  closeButton?: ReactNode;
  panelRef: RefObject<HTMLDivElement | null>;
  view: NotificationView;
  onViewChange: (view: NotificationView) => void;
  tab: InboxTab;
  onTabChange: (tab: InboxTab) => void;
  types: NotificationType[];
  onTypesChange: (types: NotificationType[]) => void;
  onNavigate: () => void;
}) {
  const unread = useUnreadCount();
  // The count is the inbox's; Archived and Snoozed have no badge.
  const unreadBadge = view === 'inbox' ? badgeText(unread ?? 0) : null;

  return (
    <div ref={panelRef} tabIndex={-1} className="flex h-full min-h-0 flex-col outline-none">
      <div className="flex items-center gap-1 py-2 pr-2 pl-4">
        <div className="min-w-0 flex-1">{heading}</div>
        <PanelActions filter={makeFilter(tab, types, view)} onNavigate={onNavigate} />
        {closeButton}
      </div>
      <Tabs.Root
        value={tab}
        onValueChange={(value) => {
          onTabChange(value === 'unread' ? 'unread' : 'all');
        }}
        className="flex min-h-0 flex-1 flex-col"
      >
        <div className="flex items-center gap-1 border-b border-line pr-2 pl-2">
          <ViewMenu view={view} onChange={onViewChange} />
          <span aria-hidden className="mx-1 h-4 w-px bg-line" />
          <Tabs.List aria-label="Which notifications" className="flex min-w-0 flex-1 gap-1">
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
              // A view of its own: scroll and roving focus start afresh.
              key={view}
              filter={makeFilter(value, types, view)}
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
