import { fileURLToPath } from 'node:url';
import { createReminderScheduler, createServices, createSnoozeScheduler } from '@acme/domain';
import { connectRedis, duplicateForSubscribing } from '@acme/redis';
import { buildApp } from './app';
import { seedDemoUsers } from './demo-users';
import { redisTarget, type Env } from './env';
import type { Logger } from './logger';

export interface ServeOptions {
  /** Only one process of a cluster seeds, so the password hashing is not done N times. */
  seedDemoUsers: boolean;
  /** Called once the port is open and the job workers run; `url` is printable. */
  onListening(url: string): void;
}

/**
 * One server process: Redis, services, the HTTP app, the reminder and snooze workers, and a
 * drain on SIGTERM/SIGINT.
 */
export async function startServer(env: Env, logger: Logger, opts: ServeOptions): Promise<void> {
  const redis = await connectRedis(redisTarget(env));
  const subscriber = duplicateForSubscribing(redis);
  const services = createServices({
    redis,
    subscriber,
    logger,
    minReplicas: env.REDIS_MIN_REPLICAS,
    config: {
      jwtSecret: env.JWT_SECRET,
      sessionTtlSeconds: env.SESSION_TTL_SECONDS,
      notificationTtlSeconds: env.NOTIFICATION_TTL_SECONDS,
      eventReplaySeconds: env.EVENT_REPLAY_SECONDS,
      allowedOrigins: env.ALLOWED_ORIGINS,
      loginLimits: {
        perEmailAndIp: env.LOGIN_ATTEMPTS_PER_WINDOW,
        perIp: env.LOGIN_ATTEMPTS_PER_WINDOW * 10,
        windowSeconds: env.LOGIN_WINDOW_SECONDS,
      },
    },
  });
  if (opts.seedDemoUsers) await seedDemoUsers(services);

  const webDist = env.WEB_DIST ?? fileURLToPath(new URL('../../web/dist', import.meta.url));
  const app = await buildApp({
    services,
    redis,
    logger,
    webDist,
    trustProxy: env.TRUST_PROXY,
    rateLimitPerMinute: env.HTTP_RATE_LIMIT_PER_MINUTE,
  });
  const workers = [
    createReminderScheduler({ redis, notifications: services.notifications, logger }),
    createSnoozeScheduler({ redis, notifications: services.notifications, logger }),
  ];
  // Open streams would hold the server open forever: end them first; clients resume elsewhere.
  app.addHook('preClose', async () => {
    await Promise.all(workers.map((w) => w.close()));
    await services.notifications.close();
  });
  app.addHook('onClose', async () => {
    await subscriber.quit().catch(() => undefined);
    await redis.quit().catch(() => undefined);
  });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'error while closing');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => {
    shutdown('SIGTERM');
  });
  process.on('SIGINT', () => {
    shutdown('SIGINT');
  });

  const address = await app.listen({ port: env.PORT, host: env.HOST });
  // Reminders and snoozes that came due while no server ran fire now.
  await Promise.all(workers.map((w) => w.start()));
  opts.onListening(address.replace('[::1]', 'localhost'));
}
