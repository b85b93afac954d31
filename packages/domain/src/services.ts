import { createWriteConfirmer, type RedisClient } from '@acme/redis';
import {
  createLoginLimiter,
  createSessionRevocations,
  createTokenService,
  createUserService,
  type LoginLimiter,
  type LoginLimiterOptions,
  type SessionRevocations,
  type TokenService,
  type UserService,
} from '@acme/auth';
import {
  createNotificationService,
  type Logger as NotificationsLogger,
  type NotificationService,
} from '@acme/notifications';
import { createDomainServices, type DomainServices } from './domain-services';

export interface ServicesConfig {
  jwtSecret: string;
  sessionTtlSeconds: number;
  /** History of notifications and their state (NOTIFICATION_TTL_SECONDS). */
  notificationTtlSeconds: number;
  /** Event stream replay window (EVENT_REPLAY_SECONDS; default 24 h, at most the ttl). */
  eventReplaySeconds?: number;
  /** Origins besides the server's own that may send cookie-authenticated mutations. */
  allowedOrigins: readonly string[];
  loginLimits: LoginLimiterOptions;
}

/** The notification store's logger, plus info for the API's refusals. */
export interface Logger extends NotificationsLogger {
  info(obj: object, msg: string): void;
}

/** Everything a request may use: the API's context carries this, and nothing of Redis. */
export interface Services extends DomainServices {
  config: ServicesConfig;
  logger: Logger;
  users: UserService;
  tokens: TokenService;
  sessions: SessionRevocations;
  loginLimiter: LoginLimiter;
  notifications: NotificationService;
}

export interface CreateServicesOptions {
  config: ServicesConfig;
  /** Command connection. */
  redis: RedisClient;
  /** A dedicated connection for pub/sub, one per process (see duplicateForSubscribing). */
  subscriber: RedisClient;
  logger: Logger;
  /** Replicas that must confirm every write before it is acknowledged (REDIS_MIN_REPLICAS). */
  minReplicas?: number;
}

/** Wires every service to one Redis or Cluster, as each server process does once at start. */
export function createServices({
  config,
  redis,
  subscriber,
  logger,
  minReplicas = 0,
}: CreateServicesOptions): Services {
  const confirm = createWriteConfirmer(redis, { minReplicas });
  const users = createUserService(redis, confirm);
  const notifications = createNotificationService({
    redis,
    subscriber,
    ttlSeconds: config.notificationTtlSeconds,
    eventReplaySeconds: config.eventReplaySeconds,
    logger,
    confirm,
  });
  return {
    config,
    logger,
    users,
    tokens: createTokenService({ secret: config.jwtSecret, ttlSeconds: config.sessionTtlSeconds }),
    sessions: createSessionRevocations(redis, confirm),
    loginLimiter: createLoginLimiter(redis, config.loginLimits),
    notifications,
    ...createDomainServices({ redis, logger, users, notifications, confirm }),
  };
}
