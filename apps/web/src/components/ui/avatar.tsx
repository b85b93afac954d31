import { cn } from '../../lib/cn';

const sizes = {
  sm: 'size-6 text-xs',
  md: 'size-8 text-xs',
  lg: 'size-10 text-sm',
} as const;

export function initialsOf(name: string): string {
  const all = name.trim().split(/\s+/).filter(Boolean);
  // "Sam Sales 25fe" is SS, not S2: words that start with a letter make the initials.
  const lettered = all.filter((word) => /^\p{L}/u.test(word));
  const words = lettered.length > 0 ? lettered : all;
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

/**
 * Initials in a circle. Announced as the person's name unless `decorative` (use that when the
 * name is already written next to it).
 */
export function Avatar({
  name,
  size = 'md',
  decorative = false,
  className,
}: {
  name: string;
  size?: keyof typeof sizes;
  decorative?: boolean;
  className?: string;
}) {
  return (
    <span
      role={decorative ? undefined : 'img'}
      aria-label={decorative ? undefined : name}
      aria-hidden={decorative || undefined}
      className={cn(
        'inline-flex shrink-0 items-center justify-center rounded-full bg-accent-soft font-semibold text-accent-text select-none',
        sizes[size],
        className,
      )}
    >
      {initialsOf(name)}
    </span>
  );
}
