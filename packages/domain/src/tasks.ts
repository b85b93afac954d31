import { randomUUID } from 'node:crypto';
import {
  taskSchema,
  type assignTaskInputSchema,
  type createTaskInputSchema,
  type listTasksInputSchema,
  type Task,
  type updateTaskStatusInputSchema,
  type User,
} from '@acme/contracts';
import type { z } from 'zod';
import { applyThen } from './records/consistency';
import { nowIso, retryStale, type DomainDeps } from './deps';
import { expectCreated, notFound } from './errors';
import { domainKeys as k } from './records/keys';
import { readPage, type Page } from './records/pages';
import { transitionOf, type ApplyResult, type Stored } from './records/store';
import { taskChangedEvents, taskNotifications, type TaskChange } from './task-notifications';

export { taskAssignedNotification, taskMetadata } from './task-notifications';

export function canSeeTask(user: User, task: Task): boolean {
  return user.role === 'manager' || task.createdById === user.id || task.assigneeId === user.id;
}

function taskIndexes(task: Task): string[] {
  const { createdById: creator, assigneeId: assignee } = task;
  return [
    k.tasksAll,
    k.tasksCreatedBy(creator),
    k.tasksVisibleTo(creator),
    ...(assignee ? [k.tasksAssignedTo(assignee), k.tasksVisibleTo(assignee)] : []),
  ];
}

export const readTask = (deps: Pick<DomainDeps, 'store'>, id: string) =>
  deps.store.read(taskSchema, k.task(id));

export function createTaskService(deps: DomainDeps) {
  const { store, users, notifications } = deps;

  async function readVisible(actor: User, id: string): Promise<Stored<Task>> {
    const task = await readTask(deps, id);
    if (!task || !canSeeTask(actor, task.value)) throw notFound('Task');
    return task;
  }

  async function requireAssignee(id: string): Promise<void> {
    if (!(await users.existing([id])).has(id)) throw notFound('Assignee');
  }

  /**
   * Saves the task, then notifies whom the change concerns (never the actor) and publishes
   * task.changed to everyone whose view changed; if either fails, nothing is saved.
   * `assigneeName`: the new assignee's, when the caller changes the assignee.
   */
  function save(
    actor: User,
    before: Stored<Task> | null,
    after: Task,
    assigneeName: string | null = null,
  ): Promise<ApplyResult> {
    const transition = transitionOf(k.task, taskIndexes, before, after);
    const change: TaskChange = { actor, before: before?.value ?? null, after, assigneeName };
    const notes = taskNotifications(change);
    const events = taskChangedEvents(change);
    return applyThen(store, transition, () =>
      Promise.all([
        notes.length > 0 ? notifications.createMany(notes) : [],
        notifications.publishEvents(events),
      ]),
    );
  }

  /** Applies `change` to the current task unless it already holds; retries on races. */
  function update(
    actor: User,
    taskId: string,
    change: (task: Task) => Partial<Task> | null,
    assigneeName: string | null = null,
  ) {
    return retryStale('task', async () => {
      const current = await readVisible(actor, taskId);
      const patch = change(current.value);
      if (!patch) return current.value;
      const next: Task = { ...current.value, ...patch, updatedAt: nowIso() };
      return (await save(actor, current, next, assigneeName)) === 'applied' ? next : 'stale';
    });
  }

  return {
    async create(actor: User, input: z.output<typeof createTaskInputSchema>): Promise<Task> {
      if (input.assigneeId) await requireAssignee(input.assigneeId);
      const now = nowIso();
      const task: Task = {
        id: randomUUID(),
        title: input.title,
        description: input.description ?? null,
        priority: input.priority,
        status: 'to_do',
        dueDate: input.dueDate ?? null,
        dueTime: input.dueTime ?? null,
        assigneeId: input.assigneeId ?? null,
        createdById: actor.id,
        createdAt: now,
        updatedAt: now,
      };
      const result = await save(actor, null, task);
      expectCreated(result, 'Task', task.id);
      return task;
    },

    async assign(actor: User, input: z.output<typeof assignTaskInputSchema>): Promise<Task> {
      // One read: it proves the assignee exists and names them in the previous one's notification.
      const assignee = await users.get(input.assigneeId);
      if (!assignee) throw notFound('Assignee');
      return update(
        actor,
        input.taskId,
        (task) => (task.assigneeId === assignee.id ? null : { assigneeId: assignee.id }),
        assignee.name,
      );
    },

    updateStatus(actor: User, input: z.output<typeof updateTaskStatusInputSchema>) {
      return update(actor, input.taskId, (task) =>
        task.status === input.status ? null : { status: input.status },
      );
    },

    list(actor: User, input: z.output<typeof listTasksInputSchema>): Promise<Page<Task>> {
      const { assignedToMe, createdByMe, ...page } = input;
      const me = actor.id;
      const [index, keep]: [string, (task: Task) => boolean] =
        assignedToMe && createdByMe
          ? [k.tasksCreatedBy(me), (t) => t.assigneeId === me && t.createdById === me]
          : assignedToMe
            ? [k.tasksAssignedTo(me), (t) => t.assigneeId === me]
            : createdByMe
              ? [k.tasksCreatedBy(me), (t) => t.createdById === me]
              : actor.role === 'manager'
                ? [k.tasksAll, () => true]
                : [k.tasksVisibleTo(me), (t) => canSeeTask(actor, t)];
      return readPage(store, { index, recordKey: k.task, schema: taskSchema, input: page, keep });
    },
  };
}

export type TaskService = ReturnType<typeof createTaskService>;
