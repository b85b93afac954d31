import { SearchX } from 'lucide-react';
import type { ReactNode } from 'react';
import { navigate, type SectionId } from '../../lib/router';
import { Button } from './button';

/**
 * A link pointed at a record the list does not show: why, and a way on. Without `action`
 * the way on is "Dismiss", which takes the record out of the address.
 */
export function MissingRecord({
  section,
  action,
  children,
}: {
  section: SectionId;
  action?: { label: string; run: () => void };
  children: ReactNode;
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
      <Button
        size="sm"
        onClick={() => {
          if (action) action.run();
          else navigate({ section });
        }}
      >
        {action?.label ?? 'Dismiss'}
      </Button>
    </div>
  );
}
