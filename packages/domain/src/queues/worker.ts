import type { Logger } from '@acme/notifications';
import { Worker } from 'bullmq';
import { duplicateForBlocking, type RedisClient } from '@acme/redis';
import { BULLMQ_PREFIX } from './queue';

/** What a scheduler (the worker of one queue) is made of, per server process. */
export interface SchedulerOptions<Notifications> {
  /** The app's command connection; the worker makes its own blocking connection from it. */
  redis: RedisClient;
  notifications: Notifications;
  logger: Logger;
  /** Jobs run in parallel by this process (default 10). */
  concurrency?: number;
}

export interface QueueWorkerOptions extends Omit<SchedulerOptions<unknown>, 'notifications'> {
  queue: string;
  /** Runs one job; a throw retries it. */
  run(data: unknown): Promise<unknown>;
}

export interface QueueWorker {
  /** Starts running due jobs, including those that came due while no process ran. */
  start(): Promise<void>;
  /** Stops taking jobs, waits for the ones in flight, and closes its connection. */
  close(): Promise<void>;
}

/** The worker side of a queue: run one per server process; BullMQ hands a due job to one. */
export function createQueueWorker(opts: QueueWorkerOptions): QueueWorker {
  const { redis, queue, logger } = opts;
  let running: { worker: Worker; connection: RedisClient } | null = null;

  return {
    async start() {
      if (running) return;
      const connection = duplicateForBlocking(redis);
      const worker = new Worker(queue, (job) => opts.run(job.data), {
        connection,
        prefix: BULLMQ_PREFIX,
        concurrency: opts.concurrency ?? 10,
      });
      worker.on('error', (err) => {
        logger.error({ err, queue }, 'job worker error');
      });
      worker.on('failed', (job, err) => {
        logger.warn({ err, queue, jobId: job?.id, attempts: job?.attemptsMade }, 'job failed');
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
