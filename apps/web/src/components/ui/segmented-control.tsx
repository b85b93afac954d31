import { RadioGroup } from 'radix-ui';
import type { ReactNode } from 'react';
import { cn } from '../../lib/cn';

/**
 * A few mutually exclusive choices side by side (a radio group: arrow keys move between
 * them). Label it with `aria-label` or `aria-labelledby`.
 */
export function SegmentedControl<T extends string>({
  value,
  onValueChange,
  options,
  disabled,
  className,
  ...aria
}: {
  value: T;
  onValueChange: (value: T) => void;
  options: readonly { value: T; label: ReactNode }[];
  disabled?: boolean;
  className?: string;
  'aria-label'?: string;
  'aria-labelledby'?: string;
}) {
  return (
    <RadioGroup.Root
      {...aria}
      value={value}
      disabled={disabled}
      orientation="horizontal"
      onValueChange={(next) => {
        const option = options.find((o) => o.value === next);
        if (option) onValueChange(option.value);
      }}
      className={cn('inline-flex h-10 rounded-md border border-line-strong bg-muted p-1', className)}
    >
      {options.map((option) => (
        <RadioGroup.Item
          key={option.value}
          value={option.value}
          className="inline-flex flex-1 cursor-pointer items-center justify-center gap-2 rounded-sm px-3 text-sm font-medium text-fg-muted transition-colors hover:text-fg data-[state=checked]:bg-surface data-[state=checked]:text-fg data-[state=checked]:shadow-[0_1px_2px_var(--shadow-color)] disabled:cursor-not-allowed"
        >
          {option.label}
        </RadioGroup.Item>
      ))}
    </RadioGroup.Root>
  );
}
