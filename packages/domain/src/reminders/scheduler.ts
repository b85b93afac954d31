import type { Logger, NotificationService } from '@acme/notifications';
import type { RedisClient } from '@acme/redis';
import { createQueueWorker, type QueueWorker } from '../queues/worker';
import { createRecordStore } from '../records/store';
import { fireReminder } from './reminders';
import { REMINDER_QUEUE, reminderJobSchema } from './queue';

export interface ReminderSchedulerOptions {
  /** The app's command connection; the worker makes its own blocking connections from it. */
  redis: RedisClient;
  notifications: Pick<NotificationService, 'create'>;
  logger: Logger;
  /** Reminders fired in parallel by this process. */
  concurrency?: number;
}

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
    concurrency: opts.concurrency ?? 10,
    run: (data) => fireReminder({ store, notifications }, reminderJobSchema.parse(data).reminderId),
  });
}
