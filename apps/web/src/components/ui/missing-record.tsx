import { SearchX } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button } from './button';

/** A link pointed at a record the list does not show: why, and a way on (an action button). */
export function MissingRecord({
  children,
  actionLabel,
  onAction,
}: {
  children: ReactNode;
  actionLabel: string;
  onAction: () => void;
}) {
  return (
    <div
      role="status"
      className="mb-4 flex flex-wrap items-center justify-between gap-2 rounded-md border border-line bg-surface px-4 py-3"
    >
      <span className="flex items-center gap-2 text-fg-muted">
        <SearchX aria-hidden className="size-4 shrink-0" />
        {children}
      </span>
      <Button size="sm" onClick={onAction}>
        {actionLabel}
      </Button>
    </div>
  );
}
