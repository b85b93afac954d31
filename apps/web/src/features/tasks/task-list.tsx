import type { Reminder, Task, User } from '@acme/contracts';
import { memo, useMemo } from 'react';
import {
  cellClass,
  SkeletonPerson,
  SkeletonText,
  type Column,
} from '../../components/ui/data-table';
import { RecordName } from '../../components/ui/record-cells';
import { RecordList, RecordListSkeleton } from '../../components/ui/record-list';
import { trpc } from '../../lib/trpc';
import { useNow } from '../../lib/use-now';
import { RemindersDialog } from './reminders-dialog';
import { nextReminderByTask } from './reminder-time';
import { AssigneeSelect, DueDate, PriorityLabel, StatusSelect } from './task-cells';
import type { People } from './use-people';

export interface TaskListProps {
  tasks: Task[];
  people: People;
  isHighlighted: (id: string) => boolean;
  isSelected: (id: string) => boolean;
  /** Stable across renders, so unchanged rows skip re-rendering. */
  onSaved: (task: Task) => void;
}

interface TaskViewProps {
  task: Task;
  people: User[];
  byId: Map<string, User>;
  next: Reminder | undefined;
  onSaved: (task: Task) => void;
}

const columns: readonly Column[] = [
  { label: 'Task' },
  { label: 'Priority', width: 'w-28' },
  { label: 'Status', width: 'w-40', inset: true },
  { label: 'Assignee', width: 'w-52', inset: true },
  { label: 'Due', width: 'w-44' },
  { label: 'Reminder', width: 'w-32', inset: true },
];

function TaskTitle({ task }: { task: Task }) {
  return (
    <RecordName section="tasks" id={task.id} name={task.title} muted={task.status === 'done'}>
      {task.description && <p className="truncate text-xs text-fg-muted">{task.description}</p>}
    </RecordName>
  );
}

function TaskReminders({ task, byId, next, onSaved }: TaskViewProps) {
  return (
    <RemindersDialog
      task={task}
      next={next}
      // Who a reminder notifies: the assignee, or the creator while nobody is assigned.
      recipient={byId.get(task.assigneeId ?? task.createdById)}
      onScheduled={onSaved}
    />
  );
}

// Memoized: a refetch keeps unchanged tasks as the same objects, so only changed rows render.
const TaskCells = memo(function TaskCells(props: TaskViewProps) {
  const { task, people, byId, onSaved } = props;
  return (
    <>
      <td className={cellClass}>
        <TaskTitle task={task} />
      </td>
      <td className={cellClass}>
        <PriorityLabel task={task} />
      </td>
      <td className={cellClass}>
        <StatusSelect task={task} onSaved={onSaved} />
      </td>
      <td className={cellClass}>
        <AssigneeSelect task={task} people={people} byId={byId} onSaved={onSaved} />
      </td>
      <td className={cellClass}>
        <DueDate task={task} />
      </td>
      <td className={cellClass}>
        <TaskReminders {...props} />
      </td>
    </>
  );
});

const TaskCard = memo(function TaskCard(props: TaskViewProps) {
  const { task, people, byId, onSaved } = props;
  return (
    <>
      <div className="flex items-start gap-2">
        <div className="min-w-0 flex-1 pt-1.5">
          <TaskTitle task={task} />
        </div>
        <TaskReminders {...props} />
      </div>
      <div className="-mx-2 flex flex-wrap items-center gap-1">
        <StatusSelect task={task} onSaved={onSaved} />
        <AssigneeSelect task={task} people={people} byId={byId} onSaved={onSaved} />
      </div>
      <div className="flex items-center gap-4">
        <PriorityLabel task={task} />
        <DueDate task={task} />
      </div>
    </>
  );
});

/** Each task's next reminder of mine, rechecked as time passes. */
function useNextReminders() {
  const now = useNow(15_000);
  const myReminders = trpc.reminders.list.useQuery({ limit: 100 });
  return useMemo(
    () => nextReminderByTask(myReminders.data?.items ?? [], new Date(now)),
    [myReminders.data, now],
  );
}

/** The tasks: every action inline, in a table row on wide screens or a card on phones. */
export function TaskList(props: TaskListProps) {
  const { tasks, people, onSaved } = props;
  const nextReminders = useNextReminders();
  const view = (task: Task): TaskViewProps => ({
    task,
    people: people.people,
    byId: people.byId,
    next: nextReminders.get(task.id),
    onSaved,
  });
  return (
    <RecordList
      name="Tasks"
      columns={columns}
      records={tasks}
      isHighlighted={props.isHighlighted}
      isSelected={props.isSelected}
      row={(task) => <TaskCells {...view(task)} />}
      card={(task) => <TaskCard {...view(task)} />}
    />
  );
}

export function TaskListSkeleton() {
  return (
    <RecordListSkeleton
      name="Tasks"
      columns={columns}
      row={(width) => [
        <SkeletonText className={width} />,
        <SkeletonText className="w-14" />,
        <SkeletonText className="mx-2 w-16" />,
        <SkeletonPerson />,
        <SkeletonText className="w-20" />,
        null,
      ]}
      card={(width) => (
        <>
          <SkeletonText className={width} />
          <span className="-mx-2 flex gap-4">
            <SkeletonText className="mx-2 w-16" />
            <SkeletonPerson />
          </span>
          <SkeletonText className="w-32" />
        </>
      )}
    />
  );
}
