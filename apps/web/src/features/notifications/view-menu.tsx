import type { NotificationView } from '@acme/contracts';
import { AlarmClock, Archive, ChevronDown, Inbox } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { Button } from '../../components/ui/button';
import { CheckedItemBody, MenuContent, menuItemClass, menuLabelClass } from './menu-content';

export const viewInfo: Record<NotificationView, { label: string; icon: typeof Inbox }> = {
  inbox: { label: 'Inbox', icon: Inbox },
  archived: { label: 'Archived', icon: Archive },
  snoozed: { label: 'Snoozed', icon: AlarmClock },
};

const views: NotificationView[] = ['inbox', 'archived', 'snoozed'];

/** Which part of the notification center the panel shows: the inbox or what was set aside. */
export function ViewMenu({
  view,
  onChange,
}: {
  view: NotificationView;
  onChange: (view: NotificationView) => void;
}) {
  const { label, icon: Icon } = viewInfo[view];
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger asChild>
        <Button variant="ghost" size="sm" aria-label={`View: ${label}`} className="gap-1 px-2">
          <Icon aria-hidden />
          {label}
          <ChevronDown aria-hidden className="text-fg-muted" />
        </Button>
      </DropdownMenu.Trigger>
      <MenuContent align="start">
        <DropdownMenu.Label className={menuLabelClass}>Show</DropdownMenu.Label>
        <DropdownMenu.RadioGroup
          value={view}
          onValueChange={(value) => {
            const next = views.find((candidate) => candidate === value);
            if (next) onChange(next);
          }}
        >
          {views.map((each) => {
            const { label: itemLabel, icon: ItemIcon } = viewInfo[each];
            return (
              <DropdownMenu.RadioItem key={each} value={each} className={menuItemClass}>
                <CheckedItemBody icon={ItemIcon}>{itemLabel}</CheckedItemBody>
              </DropdownMenu.RadioItem>
            );
          })}
        </DropdownMenu.RadioGroup>
      </MenuContent>
    </DropdownMenu.Root>
  );
}
