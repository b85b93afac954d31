import { useRecordList } from '../../components/ui/use-record-list';
import { trpc } from '../../lib/trpc';

export type TaskFilter = 'all' | 'assigned' | 'created';

export const taskFilters: readonly { value: TaskFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'assigned', label: 'Assigned to me' },
  { value: 'created', label: 'Created by me' },
];

export const TASK_PAGE_SIZE = 20;

function listInput(filter: TaskFilter) {
  return {
    limit: TASK_PAGE_SIZE,
    ...(filter === 'assigned' ? { assignedToMe: true } : {}),
    ...(filter === 'created' ? { createdByMe: true } : {}),
  };
}

/**
 * The task list, newest first, a page at a time. A task the address names that is not
 * loaded yet is looked for (see useSeekRecord); `missing` says it is not in this list.
 */
export function useTaskList(filter: TaskFilter) {
  const query = trpc.tasks.list.useInfiniteQuery(listInput(filter), {
    getNextPageParam: (page) => page.nextCursor,
  });
  return { query, ...useRecordList('tasks', query, filter) };
}
