import type { Logger, NotificationService } from '@acme/notifications';
import { Worker } from 'bullmq';
import { duplicateForBlocking, type RedisClient } from '@acme/redis';
import { createRecordStore } from '../records/store';
import { fireReminder } from './reminders';
import { BULLMQ_PREFIX, REMINDER_QUEUE, reminderJobSchema, type ReminderJob } from './queue';

export interface ReminderSchedulerOptions {
  /** The app's command connection; the worker makes its own blocking connections from it. */
  redis: RedisClient;
  notifications: Pick<NotificationService, 'create'>;
  logger: Logger;
  /** Reminders fired in parallel by this process. */
  concurrency?: number;
}

export interface ReminderScheduler {
  /** Starts firing due reminders, including those that came due while no process ran. */
  start(): Promise<void>;
  /** Stops taking reminders, waits for the ones in flight, and closes its connections. */
  close(): Promise<void>;
}

/**
 * The worker side of the reminder queue. Run one per server process: BullMQ hands each due
 * job to exactly one worker, and the reminder's own scheduled → fired transition makes a
 * retried or doubly delivered job harmless.
 */
export function createReminderScheduler(opts: ReminderSchedulerOptions): ReminderScheduler {
  const { redis, notifications, logger } = opts;
  const store = createRecordStore(redis, logger);
  let running: { worker: Worker<ReminderJob>; connection: RedisClient } | null = null;

  return {
    async start() {
      if (running) return;
      const connection = duplicateForBlocking(redis);
      const worker = new Worker<ReminderJob>(
        REMINDER_QUEUE,
        (job) =>
          fireReminder({ store, notifications }, reminderJobSchema.parse(job.data).reminderId),
        { connection, prefix: BULLMQ_PREFIX, concurrency: opts.concurrency ?? 10 },
      );
      worker.on('error', (err) => {
        logger.error({ err }, 'reminder worker error');
      });
      worker.on('failed', (job, err) => {
        logger.warn({ err, jobId: job?.id, attempts: job?.attemptsMade }, 'reminder job failed');
      });
      running = { worker, connection };
      await worker.waitUntilReady();
    },

    async close() {
      if (!running) return;
      const { worker, connection } = running;
      running = null;
      await worker.close();
      await connection.quit().catch(() => undefined);
    },
  };
}
