import type { Task } from '@acme/contracts';
import { ListTodo } from 'lucide-react';
import { useCallback, useMemo, useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { MissingRecord } from '../../components/ui/missing-record';
import { Card } from '../../components/ui/card';
import { PagedList } from '../../components/ui/paged-list';
import { SegmentedControl } from '../../components/ui/segmented-control';
import { useRecordHighlight } from '../../components/ui/use-record-highlight';
import { navigate, useRoute } from '../../lib/router';
import { trpc } from '../../lib/trpc';
import { useMediaQuery } from '../../lib/use-media-query';
import { useNow } from '../../lib/use-now';
import { useCurrentUser } from '../auth/current-user';
import { NewTaskDialog } from './new-task-dialog';
import { nextReminderByTask } from './reminder-time';
import { TaskCards, TaskListSkeleton, TaskTable } from './task-list';
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

export function TasksPage() {
  const me = useCurrentUser();
  const route = useRoute();
  const routeId = route.section === 'tasks' ? route.recordId : null;
  const [filter, setFilter] = useState<TaskFilter>('all');
  const people = usePeople();
  const { query, tasks, missing } = useTaskList(filter, routeId);
  const utils = trpc.useUtils();
  const highlight = useRecordHighlight(
    routeId,
    useMemo(() => tasks.map((t) => t.id), [tasks]),
  );
  const wide = useMediaQuery('(min-width: 56rem)');
  const now = useNow(15_000);
  const myReminders = trpc.reminders.list.useQuery({ limit: 100 });
  const nextReminders = useMemo(
    () => nextReminderByTask(myReminders.data?.items ?? [], new Date(now)),
    [myReminders.data, now],
  );

  useRefreshOnNotification(() => {
    void utils.tasks.list.invalidate();
    void utils.reminders.list.invalidate();
  });

  const onCreated = (task: Task) => {
    // Show the new task even if the current filter would hide it.
    if (filter === 'assigned' && task.assigneeId !== me.id) setFilter('all');
    highlight.flash(task.id);
  };
  const { flash } = highlight;
  const onSaved = useCallback(
    (task: Task) => {
      flash(task.id);
    },
    [flash],
  );
  const listProps = {
    tasks,
    people: people.people,
    byId: people.byId,
    nextReminders,
    onSaved,
    isHighlighted: highlight.isHighlighted,
    isSelected: highlight.isSelected,
  };

  return (
    <>
      <PageHeader
        title="Tasks"
        description="Work assigned to you and work you hand out."
        actions={<NewTaskDialog people={people} onCreated={onCreated} />}
      />
      <div className="mb-4 flex items-center justify-between gap-4">
        <SegmentedControl
          aria-label="Show tasks"
          size="sm"
          value={filter}
          options={taskFilters}
          onValueChange={setFilter}
          className="w-full sm:w-auto"
        />
      </div>
      {missing && routeId && (
        <MissingRecord
          actionLabel={filter === 'all' ? 'Dismiss' : 'Show all tasks'}
          onAction={() => {
            if (filter === 'all') navigate({ section: 'tasks' });
            else setFilter('all');
          }}
        >
          {filter === 'all'
            ? "That task isn't in your list. It may have been reassigned, or you can't see it."
            : "That task isn't in this view."}
        </MissingRecord>
      )}
      <Card className="overflow-hidden">
        <PagedList
          query={query}
          skeleton={<TaskListSkeleton wide={wide} />}
          errorTitle="Couldn't load tasks"
          isEmpty={tasks.length === 0}
          empty={
            <EmptyState
              icon={ListTodo}
              title={emptyCopy[filter].title}
              action={
                filter !== 'assigned' && (
                  <NewTaskDialog
                    people={people}
                    onCreated={onCreated}
                    label="Create a task"
                    variant="secondary"
                  />
                )
              }
            >
              {emptyCopy[filter].body}
            </EmptyState>
          }
        >
          {wide ? <TaskTable {...listProps} /> : <TaskCards {...listProps} />}
        </PagedList>
      </Card>
    </>
  );
}
