import type { Notification, Task } from '@acme/contracts';
import { AlarmClock, Check, ChevronDown, CircleCheck, ExternalLink } from 'lucide-react';
import { useState, type ComponentProps, type ReactNode } from 'react';
import { toast } from 'sonner';
import { cn } from '../../lib/cn';
import { describeError } from '../../lib/errors';
import { trpc } from '../../lib/trpc';
import { useCurrentUser } from '../auth/current-user';
import { useTaskSaved } from '../tasks/task-cells';
import { useNotificationsContext } from './notifications-context';

const HOUR = 3600_000;

function CardButton({ children, className, ...props }: ComponentProps<'button'>) {
  return (
    <button
      type="button"
      className={cn(
        'inline-flex h-8 cursor-pointer items-center gap-1.5 rounded-md border border-line bg-surface px-2.5 text-xs font-medium text-fg hover:bg-muted disabled:cursor-default disabled:opacity-60',
        className,
      )}
      {...props}
    >
      {children}
    </button>
  );
}

function taskOf(notification: Notification): Task | null {
  return notification.type === 'task_assignment' || notification.type === 'task_reminder'
    ? notification.task
    : null;
}

/** "Mark done" on a task assigned to me; "Done" once it is (from the stream or the result). */
function MarkDone({ task, tabIndex }: { task: Task; tabIndex: number }) {
  const { cache } = useNotificationsContext();
  const saved = useTaskSaved();
  const [doneHere, setDoneHere] = useState(false);
  const update = trpc.tasks.updateStatus.useMutation({
    onSuccess: (next) => {
      setDoneHere(next.status === 'done');
      saved(next);
      cache.apply({ kind: 'task.changed', task: next });
    },
    onError: (error) => {
      toast.error("Couldn't mark the task done", { description: describeError(error) });
    },
  });
  if (task.status === 'done' || doneHere) {
    return (
      <span className="inline-flex h-8 items-center gap-1.5 px-1 text-xs font-medium text-success">
        <CircleCheck aria-hidden className="size-4" />
        Done
      </span>
    );
  }
  return (
    <CardButton
      tabIndex={tabIndex}
      disabled={update.isPending}
      onClick={() => {
        update.mutate({ taskId: task.id, status: 'done' });
      }}
    >
      <Check aria-hidden className="size-3.5" />
      Mark done
    </CardButton>
  );
}

/**
 * The card's own actions, below its line: what the record invites (mark the task done, open
 * the lead, snooze the reminder an hour) and, for a collapsed card, showing its items.
 */
export function CardActions({
  notification,
  tabIndex,
  onOpen,
  onSnooze,
  expand,
}: {
  /** The card's newest notification; null for a run about different records. */
  notification: Notification | null;
  tabIndex: number;
  onOpen: () => void;
  onSnooze: (until: Date) => void;
  expand: { count: number; expanded: boolean; toggle: () => void; controls: string } | null;
}) {
  const me = useCurrentUser();
  const task = notification && taskOf(notification);
  const inbox = notification !== null && !notification.archivedAt && !notification.snoozedUntil;
  const actions: ReactNode[] = [];
  if (task && task.assigneeId === me.id) {
    actions.push(<MarkDone key="done" task={task} tabIndex={tabIndex} />);
  }
  if (notification?.type === 'lead_assignment') {
    actions.push(
      <CardButton key="lead" tabIndex={tabIndex} onClick={onOpen}>
        <ExternalLink aria-hidden className="size-3.5" />
        Open lead
      </CardButton>,
    );
  }
  if (notification?.type === 'task_reminder' && inbox) {
    actions.push(
      <CardButton
        key="snooze"
        tabIndex={tabIndex}
        onClick={() => {
          onSnooze(new Date(Date.now() + HOUR));
        }}
      >
        <AlarmClock aria-hidden className="size-3.5" />
        Snooze 1 h
      </CardButton>,
    );
  }
  if (expand) {
    actions.push(
      <CardButton
        key="expand"
        tabIndex={tabIndex}
        aria-expanded={expand.expanded}
        aria-controls={expand.controls}
        onClick={expand.toggle}
        className="border-transparent text-fg-muted"
      >
        <ChevronDown
          aria-hidden
          className={cn('size-3.5 transition-transform', expand.expanded && 'rotate-180')}
        />
        {expand.expanded ? 'Hide updates' : `Show all ${expand.count}`}
      </CardButton>,
    );
  }
  if (actions.length === 0) return null;
  return <div className="flex flex-wrap items-center gap-2 pr-3 pb-3 pl-[4.75rem]">{actions}</div>;
}
