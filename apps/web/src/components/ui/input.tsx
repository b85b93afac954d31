import type { ComponentProps } from 'react';
import { cn } from '../../lib/cn';

/** A text input. Mark it invalid with `aria-invalid` (Field does this for you). */
export function Input({ className, type = 'text', ...props }: ComponentProps<'input'>) {
  return (
    <input
      type={type}
      className={cn(
        // 16 px text on phones stops iOS from zooming into the field.
        'h-10 w-full min-w-0 rounded-md border border-line-strong bg-surface px-3 text-base text-fg sm:text-sm',
        'transition-colors placeholder:text-fg-subtle hover:border-fg-subtle focus-visible:outline-offset-0',
        'read-only:bg-muted disabled:cursor-not-allowed disabled:opacity-60',
        'aria-invalid:border-danger aria-invalid:outline-danger',
        className,
      )}
      {...props}
    />
  );
}
