import { Tooltip } from 'radix-ui';
import type { ComponentProps } from 'react';
import { cn } from '../../lib/cn';

/**
 * A small icon button of a row, with its name in a tooltip on hover. Radix triggers (the
 * snooze menu's) pass their props and ref through to it.
 */
export function RowAction({
  label,
  className,
  children,
  ...props
}: ComponentProps<'button'> & { label: string }) {
  return (
    <Tooltip.Root>
      <Tooltip.Trigger asChild>
        <button
          type="button"
          aria-label={label}
          // Hover only: a tooltip opened by focus would take the first Escape, which should
          // close the panel. Its aria-label already names it for keyboard users.
          onFocus={(event) => {
            event.preventDefault();
          }}
          className={cn(
            'flex size-8 cursor-pointer items-center justify-center rounded-md text-fg-muted hover:bg-muted hover:text-fg',
            className,
          )}
          {...props}
        >
          {children}
        </button>
      </Tooltip.Trigger>
      <Tooltip.Portal>
        <Tooltip.Content
          side="top"
          sideOffset={4}
          className="z-[60] rounded-md border border-line bg-surface px-2 py-1 text-xs text-fg shadow-float"
        >
          {label}
        </Tooltip.Content>
      </Tooltip.Portal>
    </Tooltip.Root>
  );
}
