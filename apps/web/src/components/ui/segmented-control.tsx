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
  size = 'md',
  className,
  ...aria
}: {
  value: T;
  onValueChange: (value: T) => void;
  options: readonly { value: T; label: ReactNode }[];
  disabled?: boolean;
  /** md matches Input's height (forms); sm sits in toolbars. */
  size?: 'sm' | 'md';
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
      className={cn(
        'inline-flex rounded-md border border-line bg-muted p-0.5',
        size === 'md' ? 'h-10' : 'h-8',
        className,
      )}
    >
      {options.map((option) => (
        <RadioGroup.Item
          key={option.value}
          value={option.value}
          className="inline-flex flex-auto cursor-pointer items-center justify-center gap-2 rounded-sm border border-transparent px-3 text-sm font-medium whitespace-nowrap text-fg-muted transition-colors outline-offset-0 hover:text-fg disabled:cursor-not-allowed data-[state=checked]:border-line-strong data-[state=checked]:bg-surface data-[state=checked]:text-fg"
        >
          {option.label}
        </RadioGroup.Item>
      ))}
    </RadioGroup.Root>
  );
}
