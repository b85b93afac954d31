import type { Actor, NewNotification, Task, User } from '@acme/contracts';
import { recordEvents } from './records/record-events';

export const actorOf = (user: Pick<User, 'id' | 'name'>): Actor => ({
  id: user.id,
  name: user.name,
});

/** The seed's metadata fields, shared by assignment and reminder notifications. */
export function taskMetadata(task: Task) {
  return {
    priority: task.priority,
    due_date: task.dueDate,
    due_time: task.dueTime,
    status: task.status,
  };
}

export function taskAssignedNotification(task: Task, actor: Actor | null = null): NewNotification {
  return {
    type: 'task_assignment',
    actor,
    title: `Task Assigned: ${task.title}`,
    message: `Task "${task.title}" has been assigned to you.`,
    metadata: taskMetadata(task),
    task,
  };
}

/** To the previous assignee; `assigneeName` is the new one's (null: nobody). */
export function taskUnassignedNotification(
  task: Task,
  actor: Actor,
  assigneeName: string | null,
): NewNotification {
  const to = assigneeName ?? 'no one';
  return {
    type: 'task_unassigned',
    actor,
    title: `Task Reassigned: ${task.title}`,
    message: `Task "${task.title}" has been reassigned to ${to}.`,
    metadata: { ...taskMetadata(task), assignee_name: assigneeName },
    task,
  };
}

export function taskCompletedNotification(task: Task, actor: Actor): NewNotification {
  return {
    type: 'task_completed',
    actor,
    title: `Task Completed: ${task.title}`,
    message: `${actor.name} completed "${task.title}".`,
    metadata: taskMetadata(task),
    task,
  };
}

export interface TaskChange {
  actor: User;
  before: Task | null;
  after: Task;
  /** The new assignee's name, for the previous one's notification (null: not changed). */
  assigneeName: string | null;
}

/** Who is told what; nobody is told about their own action. */
export function taskNotifications({ actor, before, after, assigneeName }: TaskChange) {
  const by = actorOf(actor);
  const notes: { userId: string; input: NewNotification }[] = [];
  const assignee = after.assigneeId;
  const previous = before?.assigneeId ?? null;
  if (assignee && assignee !== previous && assignee !== actor.id) {
    notes.push({ userId: assignee, input: taskAssignedNotification(after, by) });
  }
  if (previous && previous !== assignee && previous !== actor.id) {
    notes.push({ userId: previous, input: taskUnassignedNotification(after, by, assigneeName) });
  }
  const completed = before !== null && before.status !== 'done' && after.status === 'done';
  if (completed && after.createdById !== actor.id) {
    notes.push({ userId: after.createdById, input: taskCompletedNotification(after, by) });
  }
  return notes;
}

export const taskChangedEvents = ({ actor, before, after }: TaskChange) =>
  recordEvents({ kind: 'task.changed', task: after }, actor.id, before, after);
