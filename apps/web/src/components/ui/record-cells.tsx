import type { ReactNode } from 'react';
import { cn } from '../../lib/cn';
import { formatRelativeTime } from '../../lib/relative-time';
import { hrefFor, type SectionId } from '../../lib/router';

/** A record's name, linking to the record, with a line of detail under it. */
export function RecordName({
  section,
  id,
  name,
  muted = false,
  children,
}: {
  section: SectionId;
  id: string;
  name: string;
  /** Greyed out, for a record that is done. */
  muted?: boolean;
  children?: ReactNode;
}) {
  return (
    <div className="min-w-0">
      <a
        href={hrefFor({ section, recordId: id })}
        className={cn(
          'block truncate rounded-sm font-medium hover:underline',
          muted ? 'text-fg-muted' : 'text-fg',
        )}
      >
        {name}
      </a>
      {children}
    </div>
  );
}

/** When a record was made, "2 h ago", with the exact time as a tooltip. */
export function CreatedAt({ at, now }: { at: string; now: number }) {
  const created = new Date(at);
  return (
    <time
      dateTime={at}
      title={created.toLocaleString()}
      className="whitespace-nowrap text-fg-muted tabular-nums"
    >
      {formatRelativeTime(created, new Date(now))}
    </time>
  );
}
