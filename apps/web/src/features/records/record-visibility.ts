import type { Lead, Task, User } from '@acme/contracts';
import { z } from 'zod';

/** The filters of a cached `tasks.list` query, as the Tasks page asks for them. */
export const taskListFilterSchema = z.object({
  assignedToMe: z.boolean().optional(),
  createdByMe: z.boolean().optional(),
});
export type TaskListFilter = z.infer<typeof taskListFilterSchema>;

const canSee = (viewer: User, record: { createdById: string; assigneeId: string | null }) =>
  viewer.role === 'manager' || record.createdById === viewer.id || record.assigneeId === viewer.id;

/** Whether the server would list `task` for `viewer` under `filter` (see the task service). */
export function taskBelongs(viewer: User, filter: TaskListFilter, task: Task): boolean {
  if (filter.assignedToMe && task.assigneeId !== viewer.id) return false;
  if (filter.createdByMe && task.createdById !== viewer.id) return false;
  return canSee(viewer, task);
}

/** Managers see every lead; anyone else the leads they created or were assigned. */
export function leadBelongs(viewer: User, lead: Lead): boolean {
  return canSee(viewer, lead);
}
