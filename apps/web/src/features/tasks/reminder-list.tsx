import type { Reminder } from '@acme/contracts';
import { AlarmClock } from 'lucide-react';
import { toast } from 'sonner';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Skeleton } from '../../components/ui/spinner';
import { cn } from '../../lib/cn';
import { describeError } from '../../lib/errors';
import { trpc } from '../../lib/trpc';
import { useNow } from '../../lib/use-now';
import { formatReminderTime } from './reminder-time';

const statusBadge: Record<Reminder['status'], { label: string; tone: 'accent' | 'neutral' }> = {
  scheduled: { label: 'Scheduled', tone: 'accent' },
  fired: { label: 'Sent', tone: 'neutral' },
  cancelled: { label: 'Cancelled', tone: 'neutral' },
};

function ReminderRow({ reminder }: { reminder: Reminder }) {
  const utils = trpc.useUtils();
  const cancel = trpc.reminders.cancel.useMutation({
    onSuccess: () => {
      void utils.reminders.list.invalidate();
      toast.success('Reminder cancelled');
    },
    onError: (error) => {
      toast.error("Couldn't cancel the reminder", { description: describeError(error) });
    },
  });
  const at = new Date(reminder.remindAt);
  const { label, tone } = statusBadge[reminder.status];
  const inactive = reminder.status !== 'scheduled';
  return (
    <li className="flex items-center gap-3 py-3">
      <span className="flex size-8 shrink-0 items-center justify-center rounded-md border border-line text-fg-muted">
        <AlarmClock aria-hidden className="size-4" />
      </span>
      <div className="min-w-0 flex-1">
        <p className={cn('font-medium tabular-nums', inactive ? 'text-fg-muted' : 'text-fg')}>
          <time dateTime={reminder.remindAt} title={at.toLocaleString()}>
            {formatReminderTime(at, new Date())}
          </time>
        </p>
        {reminder.note && <p className="line-clamp-2 break-words text-fg-muted">{reminder.note}</p>}
      </div>
      <Badge tone={tone}>{label}</Badge>
      {reminder.status === 'scheduled' && (
        <Button
          variant="ghost"
          size="sm"
          pending={cancel.isPending}
          aria-label={`Cancel the reminder at ${formatReminderTime(at, new Date())}`}
          onClick={() => {
            cancel.mutate({ reminderId: reminder.id });
          }}
        >
          Cancel
        </Button>
      )}
    </li>
  );
}

/** A reminder whose time came less than a minute ago and that the server has not sent yet. */
function awaitsSending(reminders: readonly Reminder[] | undefined, now: number): boolean {
  return (reminders ?? []).some((reminder) => {
    const late = now - Date.parse(reminder.remindAt);
    return reminder.status === 'scheduled' && late >= 0 && late < 60_000;
  });
}

export function ReminderList({ taskId }: { taskId: string }) {
  // Re-renders the list as reminders come due, which re-checks the interval below.
  useNow(5_000);
  const query = trpc.reminders.list.useQuery(
    { taskId, limit: 50 },
    {
      // Opening the dialog shows what happened since; whoever set a reminder for someone
      // else gets no notification when it goes off, so a due one is polled until sent.
      staleTime: 0,
      refetchInterval: (q) => (awaitsSending(q.state.data?.items, Date.now()) ? 1_000 : false),
    },
  );
  if (query.isPending) {
    return (
      <div aria-busy className="flex flex-col gap-3 py-3">
        <span className="sr-only">Loading reminders</span>
        <Skeleton className="h-8" />
        <Skeleton className="h-8" />
      </div>
    );
  }
  if (query.isError) {
    return (
      <div role="alert" className="flex items-center justify-between gap-4 py-3 text-fg-muted">
        <span>{describeError(query.error)}</span>
        <Button
          size="sm"
          pending={query.isFetching}
          onClick={() => {
            void query.refetch();
          }}
        >
          Retry
        </Button>
      </div>
    );
  }
  if (query.data.items.length === 0) {
    return <p className="py-3 text-fg-muted">No reminders on this task yet.</p>;
  }
  return (
    <ul aria-label="Reminders on this task" className="divide-y divide-line">
      {query.data.items.map((reminder) => (
        <ReminderRow key={reminder.id} reminder={reminder} />
      ))}
    </ul>
  );
}
