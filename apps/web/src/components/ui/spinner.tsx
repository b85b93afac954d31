import { cn } from '../../lib/cn';

/** Inline progress indicator. Give it a `label` when nothing nearby says what is loading. */
export function Spinner({ label, className }: { label?: string; className?: string }) {
  return (
    <span
      role={label ? 'status' : undefined}
      aria-hidden={label ? undefined : true}
      className={cn('inline-flex', className)}
    >
      <svg viewBox="0 0 16 16" fill="none" className="size-4 animate-spin">
        <circle cx="8" cy="8" r="6.5" stroke="currentColor" strokeOpacity="0.25" strokeWidth="2" />
        <path d="M14.5 8A6.5 6.5 0 0 0 8 1.5" stroke="currentColor" strokeWidth="2" />
      </svg>
      {label && <span className="sr-only">{label}</span>}
    </span>
  );
}

/** A placeholder block for content that is loading; size it with className. */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={cn('animate-pulse rounded-md bg-muted', className)} />;
}
