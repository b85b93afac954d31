import { Check, ChevronDown } from 'lucide-react';
import { Select as SelectPrimitive } from 'radix-ui';
import { useState, type ReactNode } from 'react';
import { cn } from '../../lib/cn';

const triggerLooks = {
  /** A form control, the size and border of Input. */
  field:
    'h-10 w-full rounded-md border border-line-strong bg-surface px-3 text-base hover:border-fg-subtle focus-visible:outline-offset-0 sm:text-sm aria-invalid:border-danger aria-invalid:outline-danger',
  /** A quiet control inside a table row: a border only on hover and focus. */
  inline:
    'h-8 max-w-full rounded-md border border-transparent px-2 text-sm hover:border-line-strong hover:bg-surface data-[state=open]:border-line-strong data-[state=open]:bg-surface',
} as const;

export interface SelectProps {
  value: string | undefined;
  onValueChange: (value: string) => void;
  /** Shown when nothing is chosen. */
  placeholder?: ReactNode;
  /** Custom content for the closed control; by default the chosen item's text. */
  display?: ReactNode;
  look?: keyof typeof triggerLooks;
  disabled?: boolean;
  id?: string;
  'aria-label'?: string;
  'aria-invalid'?: true | undefined;
  'aria-describedby'?: string | undefined;
  className?: string;
  contentClassName?: string;
  /**
   * Render the options only while the list is open. Radix renders a closed select's options
   * off screen to find the chosen one's text; a long list in every table row (people) makes
   * that costly. Needs `display` for the closed control.
   */
  lazyItems?: boolean;
  children: ReactNode;
}

/**
 * A listbox picker (Radix Select): keyboard and type-ahead support, and a real `combobox`
 * with its options for assistive tech. Label it with Field or `aria-label`.
 */
export function Select({
  value,
  onValueChange,
  placeholder,
  display,
  look = 'field',
  disabled,
  className,
  contentClassName,
  lazyItems = false,
  children,
  ...aria
}: SelectProps) {
  const [open, setOpen] = useState(false);
  return (
    <SelectPrimitive.Root
      value={value ?? ''}
      onValueChange={onValueChange}
      disabled={disabled}
      open={open}
      onOpenChange={setOpen}
    >
      <SelectPrimitive.Trigger
        {...aria}
        className={cn(
          'group inline-flex min-w-0 cursor-pointer items-center justify-between gap-2 text-left text-fg transition-colors',
          'disabled:cursor-not-allowed disabled:opacity-60 data-placeholder:text-fg-subtle',
          triggerLooks[look],
          className,
        )}
      >
        {/* Radix's Value drops className: lay out `display` in a span of our own. Without
            `display`, Radix copies the chosen option's (already flex) text in. */}
        {display === undefined ? (
          <span className="flex min-w-0 truncate">
            <SelectPrimitive.Value placeholder={placeholder} />
          </span>
        ) : (
          <SelectPrimitive.Value placeholder={placeholder} asChild>
            <span className="flex min-w-0 items-center gap-2 truncate">{display}</span>
          </SelectPrimitive.Value>
        )}
        <SelectPrimitive.Icon asChild>
          <ChevronDown
            aria-hidden
            className={cn(
              'size-4 shrink-0 text-fg-subtle',
              look === 'inline' &&
                'opacity-0 transition-opacity group-hover:opacity-100 group-focus-visible:opacity-100 group-data-[state=open]:opacity-100 [@media(hover:none)]:opacity-100',
            )}
          />
        </SelectPrimitive.Icon>
      </SelectPrimitive.Trigger>
      <SelectPrimitive.Portal>
        <SelectPrimitive.Content
          position="popper"
          sideOffset={4}
          collisionPadding={8}
          className={cn(
            'z-[60] max-h-[min(20rem,var(--radix-select-content-available-height))] min-w-[var(--radix-select-trigger-width)] animate-fade-in overflow-hidden rounded-md border border-line bg-surface shadow-float',
            contentClassName,
          )}
        >
          <SelectPrimitive.Viewport className="p-1">
            {!lazyItems || open ? children : null}
          </SelectPrimitive.Viewport>
        </SelectPrimitive.Content>
      </SelectPrimitive.Portal>
    </SelectPrimitive.Root>
  );
}

/**
 * One option. `children` is what the closed control shows once chosen; `hint` is extra
 * text shown only in the open list (a person's role, say).
 */
export function SelectItem({
  value,
  children,
  hint,
  disabled,
}: {
  value: string;
  children: ReactNode;
  hint?: string;
  disabled?: boolean;
}) {
  return (
    <SelectPrimitive.Item
      value={value}
      disabled={disabled}
      className="relative flex h-9 cursor-pointer items-center gap-2 rounded-sm pr-8 pl-2 text-sm text-fg outline-none select-none data-disabled:cursor-default data-disabled:opacity-60 data-highlighted:bg-muted"
    >
      {/* The option's accessible name is its ItemText: the hint goes in there for screen
          readers, and is shown (hidden from them) on the right. */}
      <SelectPrimitive.ItemText asChild>
        <span className="flex min-w-0 items-center gap-2 truncate">
          {children}
          {hint && <span className="sr-only">, {hint}</span>}
        </span>
      </SelectPrimitive.ItemText>
      {hint && (
        <span aria-hidden className="ml-auto shrink-0 pl-4 text-xs text-fg-muted">
          {hint}
        </span>
      )}
      <SelectPrimitive.ItemIndicator className="absolute right-2 inline-flex items-center text-accent-text">
        <Check aria-hidden className="size-4" />
      </SelectPrimitive.ItemIndicator>
    </SelectPrimitive.Item>
  );
}

export function SelectLabel({ children }: { children: ReactNode }) {
  return (
    <SelectPrimitive.Label className="px-2 pt-2 pb-1 text-xs font-medium text-fg-muted">
      {children}
    </SelectPrimitive.Label>
  );
}

export const SelectGroup = SelectPrimitive.Group;

export function SelectSeparator() {
  return <SelectPrimitive.Separator className="-mx-1 my-1 h-px bg-line" />;
}
