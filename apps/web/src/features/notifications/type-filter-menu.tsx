import type { NotificationType } from '@acme/contracts';
import { ChevronDown, ListFilter } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { Button } from '../../components/ui/button';
import { cn } from '../../lib/cn';
import {
  CheckedItemBody,
  MenuContent,
  menuItemClass as itemClass,
  menuLabelClass,
} from './menu-content';
import { notificationTypeInfo, typeFilterOptions } from './notification-types';

function summary(selected: readonly NotificationType[]): string {
  if (selected.length === 0 || selected.length === typeFilterOptions.length) return 'All types';
  const [only] = selected;
  return selected.length === 1 && only
    ? notificationTypeInfo[only].label
    : `${selected.length} types`;
}

/** Which kinds of notification to show; none picked means all. Stays open while picking. */
export function TypeFilterMenu({
  selected,
  onChange,
}: {
  selected: readonly NotificationType[];
  onChange: (types: NotificationType[]) => void;
}) {
  const label = summary(selected);
  const filtered = label !== 'All types';
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger asChild>
        <Button
          variant="ghost"
          size="sm"
          aria-label={`Filter by type: ${label}`}
          className={cn('gap-1 px-2', filtered && 'text-accent-text')}
        >
          <ListFilter aria-hidden />
          {/* The button's aria-label names it; on phones the icon is enough. */}
          <span className="hidden sm:inline">{label}</span>
          <ChevronDown aria-hidden className="text-fg-muted" />
        </Button>
      </DropdownMenu.Trigger>
      <MenuContent>
        <DropdownMenu.Label className={menuLabelClass}>Show notifications about</DropdownMenu.Label>
        {typeFilterOptions.map((type) => {
          const { label: typeLabel, icon: Icon } = notificationTypeInfo[type];
          return (
            <DropdownMenu.CheckboxItem
              key={type}
              checked={selected.includes(type)}
              onCheckedChange={(checked) => {
                onChange(
                  checked ? [...selected, type] : selected.filter((other) => other !== type),
                );
              }}
              onSelect={(event) => {
                event.preventDefault();
              }}
              className={itemClass}
            >
              <CheckedItemBody icon={Icon}>{typeLabel}</CheckedItemBody>
            </DropdownMenu.CheckboxItem>
          );
        })}
        {filtered && (
          <>
            <DropdownMenu.Separator className="-mx-1 my-1 h-px bg-line" />
            <DropdownMenu.Item
              onSelect={() => {
                onChange([]);
              }}
              className={itemClass}
            >
              <span className="size-4" />
              Show all types
            </DropdownMenu.Item>
          </>
        )}
      </MenuContent>
    </DropdownMenu.Root>
  );
}
