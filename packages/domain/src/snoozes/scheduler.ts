import type { NotificationService } from '@acme/notifications';
import { createQueueWorker, type QueueWorker, type SchedulerOptions } from '../queues/worker';
import { SNOOZE_QUEUE, snoozeJobSchema } from './queue';

export type SnoozeSchedulerOptions = SchedulerOptions<Pick<NotificationService, 'wake'>>;

/** start() also wakes snoozes that came due while no process ran. */
export type SnoozeScheduler = QueueWorker;

/**
 * The worker side of the snooze queue, one per server process. Exactly once lives in the
 * store: wake() brings the item back only while it is snoozed until the job's time.
 */
export function createSnoozeScheduler(opts: SnoozeSchedulerOptions): SnoozeScheduler {
  const { notifications } = opts;
  return createQueueWorker({
    redis: opts.redis,
    queue: SNOOZE_QUEUE,
    logger: opts.logger,
    concurrency: opts.concurrency,
    run: (data) => {
      const { userId, notificationId, untilMs } = snoozeJobSchema.parse(data);
      return notifications.wake(userId, notificationId, untilMs);
    },
  });
}
