import type { Logger } from '@acme/notifications';
import { Queue, type JobsOptions } from 'bullmq';
import type { RedisClient } from '@acme/redis';

/** Hash-tagged so each queue's keys share one slot, which BullMQ needs on Redis Cluster. */
export const BULLMQ_PREFIX = '{bullmq}';

/** Delayed jobs whose handlers act at most once by themselves, so retrying them is safe. */
export const retriedJobOptions: JobsOptions = {
  // Retries cover a store that is briefly down.
  attempts: 10,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600 },
};

/**
 * The producer side of a queue, on the app's command connection (a Queue never blocks, so
 * sharing it is fine).
 */
export function openQueue<T>(name: string, redis: RedisClient, logger: Logger): Queue<T> {
  const queue = new Queue<T>(name, {
    connection: redis,
    prefix: BULLMQ_PREFIX,
    defaultJobOptions: retriedJobOptions,
  });
  queue.on('error', (err) => {
    logger.error({ err, queue: name }, 'job queue error');
  });
  return queue;
}

/** How long from now until `at`, never negative: a job due in the past runs at once. */
export const delayUntil = (atMs: number) => Math.max(0, atMs - Date.now());
