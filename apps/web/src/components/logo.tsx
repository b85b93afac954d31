import { cn } from '../lib/cn';

/** The product mark: an accent diamond and the name. */
export function Logo({ className }: { className?: string }) {
  return (
    <span className={cn('inline-flex items-center gap-2 font-semibold text-fg', className)}>
      <svg viewBox="0 0 16 16" aria-hidden className="size-4 text-accent-text">
        <path d="M8 1 15 8 8 15 1 8Z" fill="currentColor" />
      </svg>
      <span>Acme Ops</span>
    </span>
  );
}
