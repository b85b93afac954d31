import type { NotificationService } from '@acme/notifications';
import { createQueueWorker, type QueueWorker, type SchedulerOptions } from '../queues/worker';
import { createRecordStore } from '../records/store';
import { fireReminder } from './reminders';
import { REMINDER_QUEUE, reminderJobSchema } from './queue';

export type ReminderSchedulerOptions = SchedulerOptions<Pick<NotificationService, 'create'>>;

/** start() also fires reminders that came due while no process ran. */
export type ReminderScheduler = QueueWorker;

/**
 * The worker side of the reminder queue. Run one per server process: BullMQ hands each due
 * job to exactly one worker, and the reminder's own scheduled → fired transition makes a
 * retried or doubly delivered job harmless.
 */
export function createReminderScheduler(opts: ReminderSchedulerOptions): ReminderScheduler {
  const { redis, notifications, logger } = opts;
  const store = createRecordStore(redis, logger);
  return createQueueWorker({
    redis,
    queue: REMINDER_QUEUE,
    logger,
    concurrency: opts.concurrency,
    run: (data) => fireReminder({ store, notifications }, reminderJobSchema.parse(data).reminderId),
  });
}
