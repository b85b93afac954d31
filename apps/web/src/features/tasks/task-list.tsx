import type { Reminder, Task, User } from '@acme/contracts';
import { memo } from 'react';
import {
  cellClass,
  DataTable,
  LoadingRegion,
  recordProps,
  SkeletonPerson,
  SkeletonText,
  skeletonWidths,
  type Column,
} from '../../components/ui/data-table';
import { cn } from '../../lib/cn';
import { hrefFor } from '../../lib/router';
import { RemindersDialog } from './reminders-dialog';
import { AssigneeSelect, DueDate, PriorityLabel, StatusSelect } from './task-cells';

export interface TaskListProps {
  tasks: Task[];
  people: User[];
  byId: Map<string, User>;
  nextReminders: Map<string, Reminder>;
  isHighlighted: (id: string) => boolean;
  isSelected: (id: string) => boolean;
  /** Stable across renders, so unchanged rows skip re-rendering. */
  onSaved: (task: Task) => void;
}

interface RowProps {
  task: Task;
  people: User[];
  byId: Map<string, User>;
  next: Reminder | undefined;
  highlighted: boolean;
  selected: boolean;
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

/** Who a reminder notifies: the assignee, or the creator while nobody is assigned. */
function recipientOf(task: Task, byId: Map<string, User>): User | undefined {
  return byId.get(task.assigneeId ?? task.createdById);
}

function TaskTitle({ task }: { task: Task }) {
  return (
    <div className="min-w-0">
      <a
        href={hrefFor({ section: 'tasks', recordId: task.id })}
        className={cn(
          'block truncate rounded-sm font-medium hover:underline',
          task.status === 'done' ? 'text-fg-muted' : 'text-fg',
        )}
      >
        {task.title}
      </a>
      {task.description && <p className="truncate text-xs text-fg-muted">{task.description}</p>}
    </div>
  );
}

function rowPropsOf(props: TaskListProps, task: Task): RowProps {
  return {
    task,
    people: props.people,
    byId: props.byId,
    next: props.nextReminders.get(task.id),
    highlighted: props.isHighlighted(task.id),
    selected: props.isSelected(task.id),
    onSaved: props.onSaved,
  };
}

// Memoized: a refetch keeps unchanged tasks as the same objects, so only changed rows render.
const TaskRow = memo(function TaskRow(props: RowProps) {
  const { task, people, byId, next, highlighted, selected, onSaved } = props;
  return (
    <tr {...recordProps(task.id, highlighted, selected)}>
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
        <RemindersDialog
          task={task}
          next={next}
          recipient={recipientOf(task, byId)}
          onScheduled={onSaved}
        />
      </td>
    </tr>
  );
});

const TaskCard = memo(function TaskCard(props: RowProps) {
  const { task, people, byId, next, highlighted, selected, onSaved } = props;
  const record = recordProps(task.id, highlighted, selected, 'card');
  return (
    <li {...record} className={cn(record.className, 'flex flex-col gap-2 px-4 py-3')}>
      <div className="flex items-start gap-2">
        <div className="min-w-0 flex-1 pt-1.5">
          <TaskTitle task={task} />
        </div>
        <RemindersDialog
          task={task}
          next={next}
          recipient={recipientOf(task, byId)}
          onScheduled={onSaved}
        />
      </div>
      <div className="-mx-2 flex flex-wrap items-center gap-1">
        <StatusSelect task={task} onSaved={onSaved} />
        <AssigneeSelect task={task} people={people} byId={byId} onSaved={onSaved} />
      </div>
      <div className="flex items-center gap-4">
        <PriorityLabel task={task} />
        <DueDate task={task} />
      </div>
    </li>
  );
});

/** Wide screens: a table, one task per row, every action inline. */
export function TaskTable(props: TaskListProps) {
  return (
    <DataTable caption="Tasks" columns={columns}>
      {props.tasks.map((task) => (
        <TaskRow key={task.id} {...rowPropsOf(props, task)} />
      ))}
    </DataTable>
  );
}

/** Phones: a card per task, the same controls wrapped under the title. */
export function TaskCards(props: TaskListProps) {
  return (
    <ul aria-label="Tasks" className="divide-y divide-line">
      {props.tasks.map((task) => (
        <TaskCard key={task.id} {...rowPropsOf(props, task)} />
      ))}
    </ul>
  );
}

/** Placeholder rows in the list's own shape (table or cards) while the first page loads. */
export function TaskListSkeleton({ wide }: { wide: boolean }) {
  return (
    <LoadingRegion label="Loading tasks">
      {wide ? (
        <DataTable caption="Tasks" columns={columns}>
          {skeletonWidths.map((width, i) => (
            <tr key={i}>
              <td className={cellClass}>
                <SkeletonText className={width} />
              </td>
              <td className={cellClass}>
                <SkeletonText className="w-14" />
              </td>
              <td className={cellClass}>
                <SkeletonText className="mx-2 w-16" />
              </td>
              <td className={cellClass}>
                <SkeletonPerson />
              </td>
              <td className={cellClass}>
                <SkeletonText className="w-20" />
              </td>
              <td className={cellClass} />
            </tr>
          ))}
        </DataTable>
      ) : (
        <ul className="divide-y divide-line">
          {skeletonWidths.slice(0, 4).map((width, i) => (
            <li key={i} className="flex flex-col gap-4 p-4">
              <SkeletonText className={width} />
              <span className="-mx-2 flex gap-4">
                <SkeletonText className="mx-2 w-16" />
                <SkeletonPerson />
              </span>
              <SkeletonText className="w-32" />
            </li>
          ))}
        </ul>
      )}
    </LoadingRegion>
  );
}
