import type { ReactNode } from 'react';
import { cn } from '../../lib/cn';
import { Button } from './button';
import { Skeleton } from './spinner';

export interface Column {
  label: string;
  /** A Tailwind width for the column (`w-32`); leave one column without to take the rest. */
  width?: string;
  align?: 'left' | 'right';
  /** The cells hold quiet inline controls with their own padding: indent the heading to match. */
  inset?: boolean;
}

const th = 'h-10 px-2 text-xs font-medium text-fg-muted first:pl-4 last:pr-4';
/** A body cell; rows are at least 56 px high. */
export const cellClass = 'h-14 px-2 py-2 align-middle first:pl-4 last:pr-4';

/** A record list's table: fixed column widths, quiet headings, rows divided by lines. */
export function DataTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: readonly Column[];
  children: ReactNode;
}) {
  return (
    <table className="w-full table-fixed border-collapse">
      <caption className="sr-only">{caption}</caption>
      <colgroup>
        {columns.map((column) => (
          <col key={column.label} className={column.width} />
        ))}
      </colgroup>
      <thead className="border-b border-line">
        <tr>
          {columns.map((column) => (
            <th
              key={column.label}
              scope="col"
              className={cn(
                th,
                // Right-aligned numbers keep a gutter from the next, left-aligned column.
                column.align === 'right' ? 'pr-6 text-right' : 'text-left',
                column.inset && 'pl-4',
              )}
            >
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-line">{children}</tbody>
    </table>
  );
}

/**
 * A record's row or card: `data-record-id` for links and tests, the accent wash while
 * highlighted (fading out), and an accent edge while the address points at it.
 */
export function recordProps(
  id: string,
  highlighted: boolean,
  selected: boolean,
  kind: 'row' | 'card' = 'row',
) {
  return {
    'data-record-id': id,
    'data-highlighted': highlighted || undefined,
    'aria-current': selected || undefined,
    className: cn(
      'group/row transition-colors duration-700',
      highlighted ? 'bg-accent-soft' : 'hover:bg-muted/60',
      // A table row draws no shadow of its own: its first cell carries the edge.
      selected &&
        (kind === 'row'
          ? '[&>td:first-child]:shadow-[inset_2px_0_0_var(--color-accent)]'
          : 'shadow-[inset_2px_0_0_var(--color-accent)]'),
    ),
  };
}

/** One grey line of placeholder text. */
export function SkeletonText({ className }: { className?: string }) {
  return <Skeleton className={cn('h-3', className ?? 'w-24')} />;
}

/** A placeholder avatar and name, indented like an inline person picker unless `flush`. */
export function SkeletonPerson({ flush = false }: { flush?: boolean }) {
  return (
    <span className={cn('flex items-center gap-2', !flush && 'px-2')}>
      <span className="size-6 shrink-0 animate-pulse rounded-full bg-muted" />
      <SkeletonText className="w-20" />
    </span>
  );
}

/** Varied widths, so placeholder rows look like text rather than a grid. */
export const skeletonWidths = ['w-3/5', 'w-2/5', 'w-1/2', 'w-2/3', 'w-1/3', 'w-1/2'] as const;

/** Wraps placeholder content: announced once as loading, hidden from the reading order. */
export function LoadingRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div aria-busy="true">
      <span role="status" className="sr-only">
        {label}
      </span>
      <div aria-hidden>{children}</div>
    </div>
  );
}

/** The list's last line when there is more: fetches the next page. */
export function LoadMore({ pending, onLoad }: { pending: boolean; onLoad: () => void }) {
  return (
    <div className="flex justify-center border-t border-line p-2">
      <Button variant="ghost" pending={pending} onClick={onLoad}>
        {pending ? 'Loading…' : 'Load more'}
      </Button>
    </div>
  );
}
