import type { Redis } from 'ioredis';
import { createNotificationService, type NotificationService } from '@acme/notifications';
import { createTokenService, type TokenService } from '../auth/tokens';
import { createDomainServices, type DomainServices } from '../domain';
import { createLoginLimiter, type LoginLimiter, type LoginLimiterOptions } from './login-limiter';
import { createSessionRevocations, type SessionRevocations } from './sessions';
import { createUserService, type UserService } from './users';

export interface ApiConfig {
  jwtSecret: string;
  sessionTtlSeconds: number;
  notificationTtlSeconds: number;
  /** Origins besides the server's own that may send cookie-authenticated mutations. */
  allowedOrigins: readonly string[];
  loginLimits: LoginLimiterOptions;
}

export interface Logger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface Services extends DomainServices {
  config: ApiConfig;
  redis: Redis;
  logger: Logger;
  users: UserService;
  tokens: TokenService;
  sessions: SessionRevocations;
  loginLimiter: LoginLimiter;
  notifications: NotificationService;
}

export interface CreateServicesOptions {
  config: ApiConfig;
  /** Command connection. */
  redis: Redis;
  /** A dedicated connection for pub/sub, one per process. */
  subscriber: Redis;
  logger: Logger;
}

export function createServices({
  config,
  redis,
  subscriber,
  logger,
}: CreateServicesOptions): Services {
  const users = createUserService(redis);
  const notifications = createNotificationService({
    redis,
    subscriber,
    ttlSeconds: config.notificationTtlSeconds,
    logger,
  });
  return {
    config,
    redis,
    logger,
    users,
    tokens: createTokenService({ secret: config.jwtSecret, ttlSeconds: config.sessionTtlSeconds }),
    sessions: createSessionRevocations(redis),
    loginLimiter: createLoginLimiter(redis, config.loginLimits),
    notifications,
    ...createDomainServices({ redis, logger, users, notifications }),
  };
}

export { createUserService, UserExistsError, type UserService } from './users';
