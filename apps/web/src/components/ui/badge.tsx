import type { ComponentProps } from 'react';
import { cn } from '../../lib/cn';

const tones = {
  neutral: 'bg-muted text-fg-muted',
  accent: 'bg-accent-soft text-accent-text',
  solid: 'bg-accent text-on-accent',
} as const;

export interface BadgeProps extends ComponentProps<'span'> {
  tone?: keyof typeof tones;
}

/** A small pill for counts and labels; numbers use tabular figures so they don't jiggle. */
export function Badge({ tone = 'neutral', className, ...props }: BadgeProps) {
  return (
    <span
      className={cn(
        'inline-flex h-5 items-center rounded-full px-2 text-xs font-medium whitespace-nowrap tabular-nums',
        tones[tone],
        className,
      )}
      {...props}
    />
  );
}
