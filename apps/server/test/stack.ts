import { afterAll, beforeAll } from 'vitest';
import { createNotificationService, type NotificationService } from '@acme/notifications';
import { createRedisClient, duplicateForSubscribing, type RedisClient } from '@acme/redis';
import { startTestRedis, testRedisKind, type TestRedis, type TestRedisKind } from '@acme/testing';
import { startServer, type ServerProcess } from './server-process';

export interface Stack {
  /** 'cluster' under ACME_TEST_REDIS=cluster: known before the stack starts, for skipIf. */
  kind: TestRedisKind;
  testRedis: TestRedis;
  /** REDIS_URL or REDIS_CLUSTER_NODES: spread it into the env of every extra server process. */
  redisEnv: Record<string, string>;
  redis: RedisClient;
  /** A store of the test's own, creating notifications from outside the server, as another instance would. */
  store: NotificationService;
  /** The server process; absent when started with `server: false`. */
  server: ServerProcess;
}

/**
 * A real Redis (one redis-server, or a 3+3 cluster: see startTestRedis), a store on it and
 * (unless `server: false`) one real server process with the demo users, for the tests of
 * one file; all stopped after them.
 */
export function useStack(opts: { server?: false | Record<string, string> } = {}): Stack {
  const stack: Partial<Stack> = { kind: testRedisKind() };
  beforeAll(async () => {
    stack.testRedis = await startTestRedis(stack.kind);
    stack.redisEnv = stack.testRedis.env;
    stack.redis = createRedisClient(stack.testRedis.target);
    stack.store = createNotificationService({
      redis: stack.redis,
      subscriber: duplicateForSubscribing(stack.redis),
      ttlSeconds: 86_400,
    });
    if (opts.server !== false) {
      stack.server = await startServer({ ...stack.redisEnv, DEMO: '1', ...opts.server });
    }
  });
  afterAll(async () => {
    await stack.server?.stop();
    await stack.store?.close();
    stack.redis?.disconnect();
    await stack.testRedis?.stop();
  });
  return new Proxy(stack, {
    get(target, key: keyof Stack) {
      const value = target[key];
      if (value === undefined) throw new Error(`stack.${key} is not started`);
      return value;
    },
  }) as Stack;
}
