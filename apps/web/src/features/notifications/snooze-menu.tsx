import type { Notification } from '@acme/contracts';
import { AlarmClock, AlarmClockOff } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { useRef } from 'react';
import { MenuContent, menuItemClass, menuLabelClass } from './menu-content';
import { RowAction } from './row-action';
import { formatPresetHint, formatReturnTime, presetTime, snoozePresets } from './snooze-times';

/**
 * Snooze a row until a preset time or a custom one (asked for in a dialog once this menu has
 * closed, so the menu does not pull focus back to its trigger over the dialog). In the
 * Snoozed view it also offers to bring the item back now.
 */
export function SnoozeMenu({
  notification,
  tabIndex,
  onSnooze,
  onUnsnooze,
  onCustom,
}: {
  notification: Notification;
  tabIndex: number;
  onSnooze: (until: Date) => void;
  onUnsnooze: () => void;
  onCustom: () => void;
}) {
  const customPicked = useRef(false);
  const now = new Date();
  const snoozedUntil = notification.snoozedUntil ? new Date(notification.snoozedUntil) : null;

  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger asChild>
        <RowAction
          label={snoozedUntil ? 'Snoozed: change or unsnooze' : 'Snooze'}
          tabIndex={tabIndex}
          data-snooze-trigger
          className="data-[state=open]:bg-muted data-[state=open]:text-fg"
        >
          <AlarmClock aria-hidden className="size-4" />
        </RowAction>
      </DropdownMenu.Trigger>
      <MenuContent
        onCloseAutoFocus={(event) => {
          if (!customPicked.current) return;
          customPicked.current = false;
          event.preventDefault();
          onCustom();
        }}
      >
        {snoozedUntil && (
          <>
            <DropdownMenu.Label className={menuLabelClass}>
              Returns {formatReturnTime(snoozedUntil, now)}
            </DropdownMenu.Label>
            <DropdownMenu.Item onSelect={onUnsnooze} className={menuItemClass}>
              <AlarmClockOff aria-hidden className="size-4 text-fg-muted" />
              Unsnooze
            </DropdownMenu.Item>
            <DropdownMenu.Separator className="-mx-1 my-1 h-px bg-line" />
          </>
        )}
        <DropdownMenu.Label className={menuLabelClass}>
          {snoozedUntil ? 'Snooze instead until' : 'Snooze until'}
        </DropdownMenu.Label>
        {snoozePresets.map(({ preset, label }) => {
          const until = presetTime(preset, now);
          return (
            <DropdownMenu.Item
              key={preset}
              onSelect={() => {
                onSnooze(until);
              }}
              className={menuItemClass}
            >
              <span className="flex-1 whitespace-nowrap">{label}</span>
              <span className="text-xs text-fg-muted tabular-nums">
                {formatPresetHint(until, now)}
              </span>
            </DropdownMenu.Item>
          );
        })}
        <DropdownMenu.Item
          onSelect={() => {
            customPicked.current = true;
          }}
          className={menuItemClass}
        >
          Custom date and time…
        </DropdownMenu.Item>
      </MenuContent>
    </DropdownMenu.Root>
  );
}
