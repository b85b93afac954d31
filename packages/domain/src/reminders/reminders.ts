import { randomUUID } from 'node:crypto';
import {
  AppError,
  reminderSchema,
  type cancelReminderInputSchema,
  type listRemindersInputSchema,
  type NewNotification,
  type Reminder,
  type scheduleReminderInputSchema,
  type Task,
  type User,
} from '@acme/contracts';
import type { Logger, NotificationService } from '@acme/notifications';
import type { z } from 'zod';
import { applyThen } from '../records/consistency';
import { nowIso, retryStale, type DomainDeps } from '../deps';
import { expectCreated, notFound } from '../errors';
import { domainKeys as k } from '../records/keys';
import { readPage, type Page } from '../records/pages';
import { transitionOf } from '../records/store';
import { canSeeTask, readTask, taskMetadata } from '../tasks';
import type { ReminderJobs } from './jobs';

export const SCHEDULE_FAILED = 'Could not schedule the reminder; nothing was changed';

export function reminderNotification(task: Task, reminder: Reminder): NewNotification {
  const due = `Reminder: "${task.title}" is due`;
  return {
    type: 'task_reminder',
    // The system's own: nobody acted.
    actor: null,
    title: `Task Reminder: ${task.title}`,
    message: reminder.note ? `${due}. ${reminder.note}` : `${due}.`,
    metadata: { ...taskMetadata(task), remind_at: reminder.remindAt, note: reminder.note },
    task,
    reminder,
  };
}

const reminderIndexes = (r: Reminder) => [
  k.remindersOfTask(r.taskId),
  k.remindersCreatedBy(r.createdById),
];

const readReminder = (deps: Pick<DomainDeps, 'store'>, id: string) =>
  deps.store.read(reminderSchema, k.reminder(id));

/**
 * Fires one reminder, at most once: the scheduled → fired compare-and-set lets exactly one
 * run through, even when a job is retried or two workers race. A failed notification
 * reverts it to scheduled and throws, so the job retries. A task that is gone or done
 * cancels the reminder instead.
 */
export function fireReminder(
  deps: Pick<DomainDeps, 'store'> & { notifications: Pick<NotificationService, 'create'> },
  reminderId: string,
): Promise<'fired' | 'skipped'> {
  return retryStale('reminder', async () => {
    const current = await readReminder(deps, reminderId);
    if (current?.value.status !== 'scheduled') return 'skipped';
    const task = await readTask(deps, current.value.taskId);
    if (!task || task.value.status === 'done') {
      const cancelled: Reminder = { ...current.value, status: 'cancelled' };
      const result = await deps.store.apply(
        transitionOf(k.reminder, reminderIndexes, current, cancelled),
      );
      return result === 'applied' ? 'skipped' : 'stale';
    }
    const fired: Reminder = { ...current.value, status: 'fired' };
    const recipient = task.value.assigneeId ?? task.value.createdById;
    const result = await applyThen(
      deps.store,
      transitionOf(k.reminder, reminderIndexes, current, fired),
      () => deps.notifications.create(recipient, reminderNotification(task.value, fired)),
    );
    return result === 'applied' ? 'fired' : 'stale';
  });
}

export function createReminderService(deps: DomainDeps & { jobs: ReminderJobs; logger: Logger }) {
  const { store, jobs, logger } = deps;

  async function requireVisibleTask(actor: User, taskId: string): Promise<Task> {
    const task = await readTask(deps, taskId);
    if (!task || !canSeeTask(actor, task.value)) throw notFound('Task');
    return task.value;
  }

  return {
    async schedule(
      actor: User,
      input: z.output<typeof scheduleReminderInputSchema>,
    ): Promise<Reminder> {
      const at = new Date(input.remindAt);
      if (at.getTime() <= Date.now()) {
        throw new AppError('BAD_REQUEST', 'Pick a reminder time in the future');
      }
      const task = await requireVisibleTask(actor, input.taskId);
      if (task.status === 'done') throw new AppError('BAD_REQUEST', 'This task is already done');
      const reminder: Reminder = {
        id: randomUUID(),
        taskId: task.id,
        remindAt: at.toISOString(),
        note: input.note || null,
        status: 'scheduled',
        createdById: actor.id,
        createdAt: nowIso(),
      };
      const transition = transitionOf(k.reminder, reminderIndexes, null, reminder);
      const result = await applyThen(
        store,
        transition,
        () => jobs.schedule(reminder.id, at),
        SCHEDULE_FAILED,
      );
      expectCreated(result, 'Reminder', reminder.id);
      return reminder;
    },

    cancel(actor: User, input: z.output<typeof cancelReminderInputSchema>): Promise<Reminder> {
      return retryStale('reminder', async () => {
        const current = await readReminder(deps, input.reminderId);
        const task = current && (await readTask(deps, current.value.taskId));
        const mine = current?.value.createdById === actor.id;
        if (!current || (!mine && !(task && canSeeTask(actor, task.value)))) {
          throw notFound('Reminder');
        }
        if (current.value.status === 'cancelled') return current.value;
        if (current.value.status === 'fired') {
          throw new AppError('BAD_REQUEST', 'This reminder has already fired');
        }
        const cancelled: Reminder = { ...current.value, status: 'cancelled' };
        const transition = transitionOf(k.reminder, reminderIndexes, current, cancelled);
        if ((await store.apply(transition)) !== 'applied') return 'stale';
        // The job re-reads the reminder and skips it, so removing the job only saves work.
        await jobs.unschedule(cancelled.id).catch((err: unknown) => {
          logger.warn(
            { err, reminderId: cancelled.id },
            'could not remove a cancelled reminder job',
          );
        });
        return cancelled;
      });
    },

    async list(
      actor: User,
      input: z.output<typeof listRemindersInputSchema>,
    ): Promise<Page<Reminder>> {
      const { taskId, ...page } = input;
      if (taskId) await requireVisibleTask(actor, taskId);
      return readPage(store, {
        index: taskId ? k.remindersOfTask(taskId) : k.remindersCreatedBy(actor.id),
        recordKey: k.reminder,
        schema: reminderSchema,
        input: page,
      });
    },
  };
}

export type ReminderService = ReturnType<typeof createReminderService>;
