import type { ComponentProps } from 'react';
import { cn } from '../../lib/cn';

/** A multi-line text input, styled like Input. Mark it invalid with `aria-invalid`. */
export function Textarea({ className, rows = 3, ...props }: ComponentProps<'textarea'>) {
  return (
    <textarea
      rows={rows}
      className={cn(
        'min-h-20 w-full min-w-0 resize-y rounded-md border border-line-strong bg-surface px-3 py-2 text-base text-fg sm:text-sm',
        'transition-colors placeholder:text-fg-subtle hover:border-fg-subtle focus-visible:outline-offset-0',
        'read-only:bg-muted disabled:cursor-not-allowed disabled:opacity-60',
        'aria-invalid:border-danger aria-invalid:outline-danger',
        className,
      )}
      {...props}
    />
  );
}
