import { Check, type LucideIcon } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import type { ComponentProps, ReactNode } from 'react';
import { cn } from '../../lib/cn';

/** The floating list every menu of the notification center shares, above the panel. */
export function MenuContent({
  className,
  align = 'end',
  ...props
}: ComponentProps<typeof DropdownMenu.Content>) {
  return (
    <DropdownMenu.Portal>
      <DropdownMenu.Content
        align={align}
        sideOffset={4}
        collisionPadding={8}
        className={cn(
          'z-[60] w-56 animate-fade-in rounded-md border border-line bg-surface p-1 shadow-float',
          className,
        )}
        {...props}
      />
    </DropdownMenu.Portal>
  );
}

export const menuItemClass =
  'flex h-8 cursor-pointer items-center gap-2 rounded-sm px-2 text-fg outline-none select-none data-disabled:cursor-default data-disabled:opacity-60 data-highlighted:bg-muted';

export const menuLabelClass = 'px-2 py-1.5 text-xs text-fg-muted';

/** A checkbox or radio item's inside: the check when chosen, the icon, the label. */
export function CheckedItemBody({
  icon: Icon,
  children,
}: {
  icon: LucideIcon;
  children: ReactNode;
}) {
  return (
    <>
      <span className="flex size-4 items-center justify-center">
        <DropdownMenu.ItemIndicator>
          <Check aria-hidden className="size-4 text-accent-text" />
        </DropdownMenu.ItemIndicator>
      </span>
      <Icon aria-hidden className="size-4 text-fg-muted" />
      {children}
    </>
  );
}
