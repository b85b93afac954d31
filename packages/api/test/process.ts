import { createServices, type QueueWorker, type Services } from '@acme/domain';
import type { RedisClient } from '@acme/redis';
import { testConfig, type Harness, type createTestLogger } from './harness';

type CreateScheduler = (opts: {
  redis: RedisClient;
  notifications: Services['notifications'];
  logger: ReturnType<typeof createTestLogger>;
}) => QueueWorker;

/**
 * One more server process's scheduler (reminders or snoozes): its own connections and its
 * own notification service, closed by the cleanup it registers.
 */
export function startProcessScheduler(
  h: Harness,
  create: CreateScheduler,
  cleanups: (() => Promise<void>)[],
): QueueWorker {
  const redis = h.connect();
  const services = createServices({
    config: testConfig,
    redis,
    subscriber: h.connectSubscriber(),
    logger: h.logger,
  });
  const scheduler = create({ redis, notifications: services.notifications, logger: h.logger });
  cleanups.push(async () => {
    await scheduler.close();
    await services.notifications.close();
  });
  return scheduler;
}
