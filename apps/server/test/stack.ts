import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { createNotificationService, type NotificationService } from '@acme/notifications';
import { startRedisServer, type RedisServerHandle } from '@acme/testing';
import { startServer, type ServerProcess } from './server-process';

export interface Stack {
  redisServer: RedisServerHandle;
  redis: Redis;
  /** A store of the test's own, creating notifications from outside the server, as another instance would. */
  store: NotificationService;
  /** The server process; absent when started with `server: false`. */
  server: ServerProcess;
}

/**
 * A real redis-server, a store on it and (unless `server: false`) one real server process
 * with the demo users, for the tests of one file; all stopped after them.
 */
export function useStack(opts: { server?: false | Record<string, string> } = {}): Stack {
  const stack: Partial<Stack> = {};
  beforeAll(async () => {
    stack.redisServer = await startRedisServer();
    stack.redis = new Redis(stack.redisServer.url);
    stack.store = createNotificationService({
      redis: stack.redis,
      subscriber: new Redis(stack.redisServer.url),
      ttlSeconds: 86_400,
    });
    if (opts.server !== false) {
      stack.server = await startServer({
        REDIS_URL: stack.redisServer.url,
        DEMO: '1',
        ...opts.server,
      });
    }
  });
  afterAll(async () => {
    await stack.server?.stop();
    await stack.store?.close();
    stack.redis?.disconnect();
    await stack.redisServer?.stop();
  });
  return new Proxy(stack, {
    get(target, key: keyof Stack) {
      const value = target[key];
      if (value === undefined) throw new Error(`stack.${key} is not started`);
      return value;
    },
  }) as Stack;
}
