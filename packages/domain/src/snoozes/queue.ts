import { idSchema } from '@acme/contracts';
import type { Logger } from '@acme/notifications';
import { confirmNothing, type ConfirmWrites, type RedisClient } from '@acme/redis';
import { z } from 'zod';
import { BULLMQ_PREFIX, delayUntil, openQueue } from '../queues/queue';

export const SNOOZE_QUEUE = 'notification-snoozes';

/** One wake-up: the item comes back if it is still snoozed until exactly `untilMs`. */
export const snoozeJobSchema = z.object({
  userId: idSchema,
  notificationId: idSchema,
  untilMs: z.number().int().nonnegative(),
});
export type SnoozeJob = z.infer<typeof snoozeJobSchema>;

/** Ids are `[A-Za-z0-9_-]`, so '.' cannot be part of one (and BullMQ refuses ':'). */
export const snoozeJobId = ({ userId, notificationId, untilMs }: SnoozeJob) =>
  `${userId}.${notificationId}.${untilMs}`;

/** Delayed wake-ups; BullMQ in createSnoozeJobs. */
export interface SnoozeJobs {
  /** Adding the same wake-up again is a no-op while it waits. */
  add(job: SnoozeJob): Promise<unknown>;
  /** False when the job was running (locked), so it could not be removed. */
  remove(job: SnoozeJob): Promise<boolean>;
}

export function createSnoozeJobs(
  redis: RedisClient,
  logger: Logger,
  confirm: ConfirmWrites = confirmNothing,
): SnoozeJobs {
  const queue = openQueue<SnoozeJob>(SNOOZE_QUEUE, redis, logger);
  return {
    async add(job) {
      await queue.add('wake', job, { jobId: snoozeJobId(job), delay: delayUntil(job.untilMs) });
      await confirm([BULLMQ_PREFIX]);
    },
    async remove(job) {
      const removed = await queue.remove(snoozeJobId(job));
      await confirm([BULLMQ_PREFIX]);
      return removed === 1;
    },
  };
}
