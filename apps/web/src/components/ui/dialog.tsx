import { X } from 'lucide-react';
import { Dialog as DialogPrimitive } from 'radix-ui';
import type { ComponentProps, ReactNode } from 'react';
import { cn } from '../../lib/cn';
import { Button } from './button';

export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogClose = DialogPrimitive.Close;

/**
 * A modal surface: centred on wide screens, a sheet from the bottom on phones. Radix traps
 * focus inside and returns it to the trigger on close; Escape and the ✕ close it. Put a
 * `DialogBody` (scrolls) and a `DialogFooter` (stays in view) inside, in a form if it is one.
 */
export function DialogContent({
  title,
  description,
  children,
  className,
  onOpenAutoFocus,
  onCloseAutoFocus,
  overPanel = false,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
  onOpenAutoFocus?: (event: Event) => void;
  onCloseAutoFocus?: (event: Event) => void;
  /** Opened from the notification panel (a popover, z-50): stack above it. */
  overPanel?: boolean;
}) {
  // Without a description, say so explicitly, or Radix warns about a missing one.
  const describedBy = description ? {} : { 'aria-describedby': undefined };
  return (
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay
        className={cn(
          'fixed inset-0 animate-fade-in bg-[rgb(0_0_0/0.4)]',
          overPanel ? 'z-[65]' : 'z-40',
        )}
      />
      <DialogPrimitive.Content
        {...describedBy}
        onOpenAutoFocus={onOpenAutoFocus}
        onCloseAutoFocus={onCloseAutoFocus}
        className={cn(
          overPanel ? 'z-[70]' : 'z-50',
          'fixed inset-x-0 bottom-0 flex max-h-[92dvh] animate-sheet-in flex-col rounded-t-md border border-line bg-surface shadow-float outline-none',
          'sm:inset-x-auto sm:top-[10dvh] sm:bottom-auto sm:left-1/2 sm:max-h-[80dvh] sm:w-[32rem] sm:-translate-x-1/2 sm:animate-fade-in sm:rounded-md',
          className,
        )}
      >
        <div className="flex items-start gap-4 py-4 pr-4 pl-6">
          <div className="min-w-0 flex-1 pt-1">
            <DialogPrimitive.Title className="text-base font-semibold text-fg">
              {title}
            </DialogPrimitive.Title>
            {description ? (
              <DialogPrimitive.Description className="mt-1 text-fg-muted">
                {description}
              </DialogPrimitive.Description>
            ) : null}
          </div>
          <DialogPrimitive.Close asChild>
            <Button variant="ghost" size="icon" aria-label="Close">
              <X aria-hidden />
            </Button>
          </DialogPrimitive.Close>
        </div>
        {children}
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

export function DialogBody({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div className={cn('min-h-0 flex-1 overflow-y-auto px-6 pt-2 pb-6', className)} {...props} />
  );
}

export function DialogFooter({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div
      className={cn(
        'flex flex-col-reverse gap-2 border-t border-line px-6 py-4 pb-[max(1rem,env(safe-area-inset-bottom))] sm:flex-row sm:justify-end sm:pb-4',
        className,
      )}
      {...props}
    />
  );
}

/** A form that fills the dialog, so its body scrolls and its footer stays put. */
export function DialogForm({ className, ...props }: ComponentProps<'form'>) {
  return <form noValidate className={cn('flex min-h-0 flex-1 flex-col', className)} {...props} />;
}

/** A form dialog's footer: a button that closes it and the submit button (`children`). */
export function FormFooter({
  pending,
  closeLabel = 'Cancel',
  children,
}: {
  pending: boolean;
  closeLabel?: string;
  children: ReactNode;
}) {
  return (
    <DialogFooter>
      <DialogClose asChild>
        <Button size="md">{closeLabel}</Button>
      </DialogClose>
      <Button type="submit" variant="primary" size="md" pending={pending}>
        {children}
      </Button>
    </DialogFooter>
  );
}
