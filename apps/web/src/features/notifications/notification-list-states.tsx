import { AlarmClock, Archive, BellOff, CheckCheck, ListFilter } from 'lucide-react';
import { EmptyState } from '../../components/empty-state';
import { Button } from '../../components/ui/button';
import { Skeleton } from '../../components/ui/spinner';
import type { NotificationFilter } from './notification-filter';

/** Skeleton rows shaped like notifications while the first page loads. */
export function NotificationListSkeleton() {
  return (
    <div role="status" aria-label="Loading notifications" className="flex flex-col gap-1 p-2">
      {[0, 1, 2, 3, 4].map((row) => (
        <div key={row} className="flex gap-3 px-3 py-3">
          <span className="mt-3 size-2 shrink-0" />
          <Skeleton className="size-8 shrink-0" />
          <div className="flex flex-1 flex-col gap-2 pt-1">
            <Skeleton className="h-3.5 w-3/5" />
            <Skeleton className="h-3 w-11/12" />
          </div>
        </div>
      ))}
    </div>
  );
}

/** Nothing to show: says why, for the tab and type filter in use. */
export function NotificationListEmpty({
  filter,
  onClearTypes,
}: {
  filter: NotificationFilter;
  onClearTypes: () => void;
}) {
  if (filter.view === 'archived' && !filter.types) {
    return (
      <EmptyState icon={Archive} title="Nothing archived">
        Archive a notification to clear it from your inbox without losing it.
      </EmptyState>
    );
  }
  if (filter.view === 'snoozed' && !filter.types) {
    return (
      <EmptyState icon={AlarmClock} title="Nothing snoozed">
        Snooze a notification and it comes back, unread, when you want it.
      </EmptyState>
    );
  }
  if (filter.types) {
    return (
      <EmptyState
        icon={ListFilter}
        title={filter.unreadOnly ? 'Nothing unread of these types' : 'None of these types yet'}
        action={<Button onClick={onClearTypes}>Show all types</Button>}
      >
        Notifications of the types you picked will show up here.
      </EmptyState>
    );
  }
  return filter.unreadOnly ? (
    <EmptyState icon={CheckCheck} title="You're all caught up">
      Nothing unread. New notifications will show up here.
    </EmptyState>
  ) : (
    <EmptyState icon={BellOff} title="No notifications yet">
      They appear here when work is assigned to you.
    </EmptyState>
  );
}
