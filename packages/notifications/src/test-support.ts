// Shared by the tests: a real Redis per test file (one redis-server, or a 3+3 cluster under
// ACME_TEST_REDIS=cluster), services that are closed after
// each test, fixtures and small helpers that wait on events (never on fixed sleeps).
import type { NewNotification } from '@acme/contracts';
import {
  connectionFor,
  createRedisClient,
  duplicateForSubscribing,
  isCluster,
  type RedisClient,
  type RedisTarget,
} from '@acme/redis';
import { startTestRedis, testRedisKind, type TestRedis, type TestRedisKind } from '@acme/testing';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, expect, vi } from 'vitest';
import { z } from 'zod';
import type { StreamItem } from './codec';
import {
  createNotificationService,
  type NotificationService,
  type NotificationsOptions,
} from './service';

export type ServiceOptions = Partial<Omit<NotificationsOptions, 'redis'>>;

export interface RedisEnv {
  /** 'cluster' under ACME_TEST_REDIS=cluster (a 3+3 cluster), else one redis-server; known at once, for skipIf. */
  readonly kind: TestRedisKind;
  readonly target: RedisTarget;
  /** Command connection for assertions (also the services' command connection). */
  readonly redis: RedisClient;
  /** A new subscriber connection, not connected yet (sharded on a cluster). */
  subscriber(): RedisClient;
  /** A service on its own subscriber connection; closed after the test. */
  service(opts?: ServiceOptions): NotificationService;
  /** FLUSHALL on every master. */
  flush(): Promise<void>;
  /** KEYS on every master, sorted: a cluster's KEYS only sees the node it runs on. */
  keys(pattern?: string): Promise<string[]>;
}

/** The connection of each master: the client itself on one Redis. */
export const masters = (redis: RedisClient): Redis[] =>
  isCluster(redis) ? redis.nodes('master') : [redis];

export function useRedis(): RedisEnv {
  const kind = testRedisKind();
  let testRedis: TestRedis | undefined;
  let redis: RedisClient | undefined;
  const services: NotificationService[] = [];
  const started = () => {
    if (!redis || !testRedis) throw new Error('test Redis not started');
    return { redis, testRedis };
  };
  const subscriber = () => duplicateForSubscribing(createRedisClient(started().testRedis.target));
  const flush = async () => {
    await Promise.all(masters(started().redis).map((node) => node.flushall()));
  };

  beforeAll(async () => {
    testRedis = await startTestRedis(kind);
    redis = createRedisClient(testRedis.target);
    await redis.connect();
  });
  beforeEach(flush);
  afterEach(async () => {
    await Promise.all(services.splice(0).map((s) => s.close()));
  });
  afterAll(async () => {
    await redis?.quit();
    await testRedis?.stop();
  });

  return {
    kind,
    get target() {
      return started().testRedis.target;
    },
    get redis() {
      return started().redis;
    },
    subscriber,
    service(opts = {}) {
      const service = createNotificationService({
        redis: started().redis,
        subscriber: opts.subscriber ?? subscriber(),
        ttlSeconds: 86_400,
        ...opts,
      });
      services.push(service);
      return service;
    },
    flush,
    async keys(pattern = '*') {
      const perNode = await Promise.all(masters(started().redis).map((n) => n.keys(pattern)));
      return perNode.flat().sort();
    },
  };
}

const clock = '2030-01-01T09:00:00.000Z';

export function taskAssignment(n: number, assigneeId = 'bob'): NewNotification {
  return {
    type: 'task_assignment',
    title: `Task ${n} assigned`,
    message: `You were assigned task ${n}`,
    task: {
      id: `task-${n}`,
      title: `Task ${n}`,
      description: null,
      priority: 'medium',
      status: 'to_do',
      dueDate: null,
      dueTime: null,
      assigneeId,
      createdById: 'alice',
      createdAt: clock,
      updatedAt: clock,
    },
  };
}

export function leadAssignment(n: number): NewNotification {
  return {
    type: 'lead_assignment',
    title: `Lead ${n} assigned`,
    message: '',
    metadata: { source: 'test' },
    lead: {
      id: `lead-${n}`,
      name: `Lead ${n}`,
      company: null,
      email: null,
      phone: null,
      value: 1000,
      source: null,
      assigneeId: 'bob',
      createdById: 'alice',
      createdAt: clock,
      updatedAt: clock,
    },
  };
}

/** Collects the first `count` items, then leaves the loop (which calls the iterator's return()). */
export async function take(
  iterable: AsyncIterable<StreamItem>,
  count: number,
): Promise<StreamItem[]> {
  const items: StreamItem[] = [];
  if (count === 0) return items;
  for await (const item of iterable) {
    items.push(item);
    if (items.length === count) break;
  }
  return items;
}

/** Steps an iterator by hand: next() resolves null once it is done. */
export function stepper(iterable: AsyncIterable<StreamItem>) {
  const iterator = iterable[Symbol.asyncIterator]();
  return {
    async next(): Promise<StreamItem | null> {
      const result = await iterator.next();
      return result.done ? null : result.value;
    },
    async return(): Promise<void> {
      await iterator.return?.();
    },
  };
}

/** Retries the assertion until it passes (polling Redis or the service, never sleeping blind). */
export async function eventually(assertion: () => Promise<void> | void): Promise<void> {
  await vi.waitFor(assertion, { timeout: 10_000, interval: 10 });
}

const numsubReply = z.tuple([z.string(), z.number()]);

/** Subscribers Redis counts on a shard channel, asking the node that serves its slot. */
export async function shardSubscribers(redis: RedisClient, channel: string): Promise<number> {
  const node = connectionFor(redis, channel);
  if (!node) throw new Error(`no master serves the slot of ${channel}`);
  const [, count] = numsubReply.parse(await node.call('PUBSUB', 'SHARDNUMSUB', channel));
  return count;
}

/** Waits until the service has `listeners` listeners and Redis confirms the user's channel. */
export async function waitLive(
  service: NotificationService,
  redis: RedisClient,
  channel: string,
  listeners: number,
): Promise<void> {
  await eventually(async () => {
    expect(service.stats().listeners).toBe(listeners);
    expect(await shardSubscribers(redis, channel)).toBe(1);
  });
}

/** The ids in a user's stream after `afterId`, straight from Redis. */
export async function streamIds(
  redis: RedisClient,
  key: string,
  afterId = '0-0',
): Promise<string[]> {
  const entries = await redis.xrange(key, `(${afterId}`, '+');
  return entries.map(([id]) => id);
}
