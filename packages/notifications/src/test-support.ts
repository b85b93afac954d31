// Shared by the tests: a real redis-server per test file, services that are closed after
// each test, fixtures and small helpers that wait on events (never on fixed sleeps).
import type { NewNotification } from '@acme/contracts';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, expect, vi } from 'vitest';
import { z } from 'zod';
import type { StreamItem } from './codec';
import {
  createNotificationService,
  type NotificationService,
  type NotificationsOptions,
} from './service';
import { startRedisServer, type RedisServerHandle } from '@acme/testing';

export type ServiceOptions = Partial<Omit<NotificationsOptions, 'redis'>>;

export interface TestRedis {
  /** Command connection for assertions (also the services' command connection). */
  readonly redis: Redis;
  readonly url: string;
  /** A service on its own subscriber connection; closed after the test. */
  service(opts?: ServiceOptions): NotificationService;
}

export function useRedis(): TestRedis {
  let server: RedisServerHandle | undefined;
  let redis: Redis | undefined;
  const services: NotificationService[] = [];
  const connected = () => {
    if (!redis || !server) throw new Error('redis-server not started');
    return { redis, server };
  };

  beforeAll(async () => {
    server = await startRedisServer();
    redis = new Redis(server.url);
  });
  beforeEach(async () => {
    await connected().redis.flushall();
  });
  afterEach(async () => {
    await Promise.all(services.splice(0).map((s) => s.close()));
  });
  afterAll(async () => {
    await redis?.quit();
    await server?.stop();
  });

  return {
    get redis() {
      return connected().redis;
    },
    get url() {
      return connected().server.url;
    },
    service(opts = {}) {
      const { redis: command, server: srv } = connected();
      const service = createNotificationService({
        redis: command,
        subscriber: opts.subscriber ?? new Redis(srv.url),
        ttlSeconds: 86_400,
        ...opts,
      });
      services.push(service);
      return service;
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

/** Subscribers Redis counts on a shard channel. */
export async function shardSubscribers(redis: Redis, channel: string): Promise<number> {
  const [, count] = numsubReply.parse(await redis.call('PUBSUB', 'SHARDNUMSUB', channel));
  return count;
}

/** Waits until the service has `listeners` listeners and Redis confirms the user's channel. */
export async function waitLive(
  service: NotificationService,
  redis: Redis,
  channel: string,
  listeners: number,
): Promise<void> {
  await eventually(async () => {
    expect(service.stats().listeners).toBe(listeners);
    expect(await shardSubscribers(redis, channel)).toBe(1);
  });
}

/** The ids in a user's stream after `afterId`, straight from Redis. */
export async function streamIds(redis: Redis, key: string, afterId = '0-0'): Promise<string[]> {
  const entries = await redis.xrange(key, `(${afterId}`, '+');
  return entries.map(([id]) => id);
}
