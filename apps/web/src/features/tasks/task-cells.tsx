import type { Task, TaskStatus, User } from '@acme/contracts';
import { CalendarClock } from 'lucide-react';
import { toast } from 'sonner';
import { NobodyLabel, PersonSelect } from '../../components/ui/person-select';
import { Select, SelectItem } from '../../components/ui/select';
import { cn } from '../../lib/cn';
import { describeError } from '../../lib/errors';
import { trpc } from '../../lib/trpc';
import { useNow } from '../../lib/use-now';
import { useNotificationsContext } from '../notifications/notifications-context';
import { formatDue } from './due-date';
import { priorityMeta, statuses, statusMeta } from './task-meta';

/**
 * After a change: the saved task goes into every cached list at once, as the stream's
 * `task.changed` would put it (replaced, dropped from lists it has left, added where it now
 * belongs), so the page needs no refetch and the later echo changes nothing.
 */
export function useTaskSaved() {
  const { cache } = useNotificationsContext();
  return (task: Task) => {
    cache.apply({ kind: 'task.changed', task });
  };
}

export function PriorityLabel({ task }: { task: Task }) {
  const { icon: Icon, label, tone } = priorityMeta[task.priority];
  return (
    <span className="inline-flex items-center gap-1.5 text-fg-muted">
      <Icon aria-hidden className={cn('size-4 shrink-0', tone)} />
      <span>
        <span className="sr-only">Priority: </span>
        {label}
      </span>
    </span>
  );
}

function StatusOption({ status }: { status: TaskStatus }) {
  const { icon: Icon, label, tone } = statusMeta[status];
  return (
    <>
      <Icon aria-hidden className={cn('size-4 shrink-0', tone)} />
      <span className="truncate">{label}</span>
    </>
  );
}

export function StatusSelect({ task, onSaved }: { task: Task; onSaved: (task: Task) => void }) {
  const saved = useTaskSaved();
  const update = trpc.tasks.updateStatus.useMutation({
    onSuccess: (next) => {
      saved(next);
      onSaved(next);
      toast.success(`Moved to ${statusMeta[next.status].label}`, { description: next.title });
    },
    onError: (error) => {
      toast.error("Couldn't change the status", { description: describeError(error) });
    },
  });
  // Show the choice at once; a refusal puts the old status back.
  const shown = update.isPending ? update.variables.status : task.status;
  return (
    <Select
      look="inline"
      value={shown}
      aria-label={`Status of “${task.title}”`}
      disabled={update.isPending}
      display={<StatusOption status={shown} />}
      lazyItems
      onValueChange={(value) => {
        const status = statuses.find((s) => s === value);
        if (status && status !== task.status) update.mutate({ taskId: task.id, status });
      }}
    >
      {statuses.map((status) => (
        <SelectItem key={status} value={status}>
          <StatusOption status={status} />
        </SelectItem>
      ))}
    </Select>
  );
}

export function AssigneeSelect({
  task,
  people,
  byId,
  onSaved,
}: {
  task: Task;
  people: User[];
  byId: Map<string, User>;
  onSaved: (task: Task) => void;
}) {
  const saved = useTaskSaved();
  const assign = trpc.tasks.assign.useMutation({
    onSuccess: (next) => {
      saved(next);
      onSaved(next);
      const name = (next.assigneeId && byId.get(next.assigneeId)?.name) ?? 'them';
      toast.success(`Assigned to ${name}`, { description: next.title });
    },
    onError: (error) => {
      toast.error("Couldn't assign the task", { description: describeError(error) });
    },
  });
  const shownId = assign.isPending ? assign.variables.assigneeId : task.assigneeId;
  return (
    <PersonSelect
      look="inline"
      people={people}
      value={shownId ?? undefined}
      aria-label={`Assignee of “${task.title}”`}
      disabled={assign.isPending}
      placeholder={<NobodyLabel />}
      onValueChange={(assigneeId) => {
        if (assigneeId !== task.assigneeId) assign.mutate({ taskId: task.id, assigneeId });
      }}
    />
  );
}

export function DueDate({ task }: { task: Task }) {
  const now = useNow(60_000);
  const due = formatDue(task.dueDate, task.dueTime, new Date(now));
  if (!due) {
    return (
      <span className="text-fg-subtle">
        <span aria-hidden>—</span>
        <span className="sr-only">No due date</span>
      </span>
    );
  }
  const overdue = due.overdue && task.status !== 'done';
  return (
    <span
      title={due.exact}
      className={cn(
        'inline-flex items-center gap-1.5 whitespace-nowrap tabular-nums',
        overdue ? 'text-danger-text' : 'text-fg-muted',
      )}
    >
      <CalendarClock aria-hidden className="size-4 shrink-0" />
      <span>
        <span className="sr-only">{overdue ? 'Overdue, due ' : 'Due '}</span>
        {due.text}
      </span>
    </span>
  );
}
