import { idSchema } from '@acme/contracts';
import type { Logger } from '@acme/notifications';
import { confirmNothing, type ConfirmWrites, type RedisClient } from '@acme/redis';
import { z } from 'zod';
import { BULLMQ_PREFIX, delayUntil, openQueue } from '../queues/queue';
import type { ReminderJobs } from './jobs';

export const REMINDER_QUEUE = 'task-reminders';

export const reminderJobSchema = z.object({ reminderId: idSchema });
export type ReminderJob = z.infer<typeof reminderJobSchema>;

/** The job id is the reminder id: adding twice is a no-op. */
export function createReminderJobs(
  redis: RedisClient,
  logger: Logger,
  confirm: ConfirmWrites = confirmNothing,
): ReminderJobs {
  const queue = openQueue<ReminderJob>(REMINDER_QUEUE, redis, logger);
  return {
    async schedule(reminderId, at) {
      await queue.add('fire', { reminderId }, { jobId: reminderId, delay: delayUntil(+at) });
      await confirm([BULLMQ_PREFIX]);
    },
    async unschedule(reminderId) {
      await queue.remove(reminderId);
      await confirm([BULLMQ_PREFIX]);
    },
  };
}
