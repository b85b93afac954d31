import { idSchema } from '@acme/contracts';
import type { Logger } from '@acme/notifications';
import { Queue, type JobsOptions } from 'bullmq';
import { confirmNothing, type ConfirmWrites, type RedisClient } from '@acme/redis';
import { z } from 'zod';
import type { ReminderJobs } from './jobs';

export const REMINDER_QUEUE = 'task-reminders';
/** Hash-tagged so each queue's keys share one slot, which BullMQ needs on Redis Cluster. */
export const BULLMQ_PREFIX = '{bullmq}';

export const reminderJobSchema = z.object({ reminderId: idSchema });
export type ReminderJob = z.infer<typeof reminderJobSchema>;

const jobOptions: JobsOptions = {
  // Retries cover a notification store that is briefly down; firing stays at most once.
  attempts: 10,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600 },
};

/**
 * The producer side, on the app's command connection (a Queue never blocks, so sharing it
 * is fine). The job id is the reminder id: adding twice is a no-op.
 */
export function createReminderJobs(
  redis: RedisClient,
  logger: Logger,
  confirm: ConfirmWrites = confirmNothing,
): ReminderJobs {
  const queue = new Queue<ReminderJob>(REMINDER_QUEUE, {
    connection: redis,
    prefix: BULLMQ_PREFIX,
    defaultJobOptions: jobOptions,
  });
  queue.on('error', (err) => {
    logger.error({ err }, 'reminder queue error');
  });
  return {
    async schedule(reminderId, at) {
      const delay = Math.max(0, at.getTime() - Date.now());
      await queue.add('fire', { reminderId }, { jobId: reminderId, delay });
      await confirm([BULLMQ_PREFIX]);
    },
    async unschedule(reminderId) {
      await queue.remove(reminderId);
      await confirm([BULLMQ_PREFIX]);
    },
  };
}
