import type { Task } from '@acme/contracts';
import { ListTodo } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { MissingRecord } from '../../components/ui/missing-record';
import { PagedListCard } from '../../components/ui/paged-list-card';
import { SegmentedControl } from '../../components/ui/segmented-control';
import { trpc } from '../../lib/trpc';
import { useCurrentUser } from '../auth/current-user';
import { NewTaskDialog } from './new-task-dialog';
import { TaskList, TaskListSkeleton } from './task-list';
import { usePeople } from './use-people';
import { useRefreshOnNotification } from './use-refresh-on-notification';
import { taskFilters, useTaskList, type TaskFilter } from './use-task-list';

const emptyCopy: Record<TaskFilter, { title: string; body: string }> = {
  all: {
    title: 'No tasks yet',
    body: 'Create a task to hand out work. Whoever you assign it to is notified right away, and you can set reminders before it is due.',
  },
  assigned: {
    title: 'Nothing assigned to you',
    body: 'When someone assigns you a task, it shows up here and you get a notification.',
  },
  created: {
    title: "You haven't created any tasks",
    body: 'Tasks you create show up here, whoever they are assigned to.',
  },
};

/** The linked task is not in the list: on a filtered view, offer all tasks. */
function MissingTask({ filter, showAll }: { filter: TaskFilter; showAll: () => void }) {
  return filter === 'all' ? (
    <MissingRecord section="tasks">
      That task isn&apos;t in your list. It may have been reassigned, or you can&apos;t see it.
    </MissingRecord>
  ) : (
    <MissingRecord section="tasks" action={{ label: 'Show all tasks', run: showAll }}>
      That task isn&apos;t in this view.
    </MissingRecord>
  );
}

/** Nothing in this view; `children` creates a task, offered unless only mine are shown. */
function NoTasks({ filter, children }: { filter: TaskFilter; children: ReactNode }) {
  return (
    <EmptyState
      icon={ListTodo}
      title={emptyCopy[filter].title}
      action={filter !== 'assigned' && children}
    >
      {emptyCopy[filter].body}
    </EmptyState>
  );
}

function TaskFilterBar({
  filter,
  onChange,
}: {
  filter: TaskFilter;
  onChange: (filter: TaskFilter) => void;
}) {
  return (
    <div className="mb-4 flex items-center justify-between gap-4">
      <SegmentedControl
        aria-label="Show tasks"
        size="sm"
        value={filter}
        options={taskFilters}
        onValueChange={onChange}
        className="w-full sm:w-auto"
      />
    </div>
  );
}

export function TasksPage() {
  const me = useCurrentUser();
  const [filter, setFilter] = useState<TaskFilter>('all');
  const people = usePeople();
  const { query, records: tasks, missing, highlight, flashRecord } = useTaskList(filter);
  const utils = trpc.useUtils();

  // The lists follow task.changed; a reminder firing changes only the reminders.
  useRefreshOnNotification(() => {
    void utils.reminders.list.invalidate();
  });

  const onCreated = (task: Task) => {
    // Show the new task even if the current filter would hide it.
    if (filter === 'assigned' && task.assigneeId !== me.id) setFilter('all');
    flashRecord(task);
  };

  return (
    <>
      <PageHeader
        title="Tasks"
        description="Work assigned to you and work you hand out."
        actions={<NewTaskDialog people={people} onCreated={onCreated} />}
      />
      <TaskFilterBar filter={filter} onChange={setFilter} />
      {missing && (
        <MissingTask
          filter={filter}
          showAll={() => {
            setFilter('all');
          }}
        />
      )}
      <PagedListCard
        name="Tasks"
        query={query}
        skeleton={<TaskListSkeleton />}
        isEmpty={tasks.length === 0}
        empty={
          <NoTasks filter={filter}>
            <NewTaskDialog
              people={people}
              onCreated={onCreated}
              label="Create a task"
              variant="secondary"
            />
          </NoTasks>
        }
      >
        <TaskList tasks={tasks} people={people} onSaved={flashRecord} {...highlight} />
      </PagedListCard>
    </>
  );
}
