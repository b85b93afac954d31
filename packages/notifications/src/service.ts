import type {
  ListNotificationsInput,
  NewNotification,
  Notification,
  NotificationPage,
  Preferences,
  UpdatePreferencesInput,
} from '@acme/contracts';
import { confirmNothing, type ConfirmWrites, type RedisClient } from '@acme/redis';
import { z } from 'zod';
import { Bus, type Logger } from './bus';
import type { StreamItem } from './codec';
import { readEvents } from './events';
import { follow, type EventSink, type Following } from './follow';
import { LocalEvents } from './local-events';
import { defineScripts } from './scripts';
import { createStore } from './store';
import type { Created } from './store-write';

export interface NotificationsOptions {
  /** Command connection, shared with the rest of the app. Must not use ioredis `keyPrefix`. */
  redis: RedisClient;
  /**
   * A dedicated connection for pub/sub, one per process. The service owns it: it puts it in
   * subscriber mode, and close() quits it.
   */
  subscriber: RedisClient;
  /** Retention of notifications and events, in seconds (86400 upstream). */
  ttlSeconds: number;
  /** Confirms writes reached enough replicas before they are acknowledged (default: none). */
  confirm?: ConfirmWrites;
  /** Clock in ms, for tests. */
  now?: () => number;
  logger?: Logger;
  /** Live events buffered per events() iterator before it fails with SlowConsumerError. */
  maxBufferedEvents?: number;
}

export interface NotificationService {
  create(userId: string, input: NewNotification): Promise<Created>;
  createMany(items: { userId: string; input: NewNotification }[]): Promise<Created[]>;
  list(userId: string, input: ListNotificationsInput): Promise<NotificationPage>;
  get(userId: string, id: string): Promise<Notification | null>;
  unreadCount(userId: string): Promise<number>;
  markRead(userId: string, id: string): Promise<Notification>;
  markUnread(userId: string, id: string): Promise<Notification>;
  markAllRead(userId: string): Promise<{ count: number }>;
  /** Every type and channel; what the user never set is on. */
  getPreferences(userId: string): Promise<Preferences>;
  /** Merges and returns the whole set; a change is a `preferences.updated` event. */
  updatePreferences(userId: string, input: UpdatePreferencesInput): Promise<Preferences>;
  events(
    userId: string,
    opts: { afterId?: string | null; signal: AbortSignal },
  ): AsyncIterable<StreamItem>;
  /** The same events pushed to `sink` (for socket writers): see follow(). */
  follow(userId: string, afterId: string | null | undefined, sink: EventSink): Following;
  stats(): { subscribedUsers: number; listeners: number };
  close(): Promise<void>;
}

const optionsSchema = z.object({
  ttlSeconds: z.number().int().positive(),
  maxBufferedEvents: z.number().int().positive().default(10_000),
});

export function createNotificationService(opts: NotificationsOptions): NotificationService {
  const { ttlSeconds, maxBufferedEvents } = optionsSchema.parse(opts);
  const { redis, subscriber } = opts;
  if (redis === subscriber) throw new Error('notifications: subscriber must be its own connection');
  if (redis.options.keyPrefix) {
    // Scripts derive notification keys from a prefix argument, which ioredis would not prefix.
    throw new Error('notifications: the redis connection must not use keyPrefix');
  }
  defineScripts(redis);
  const localEvents: LocalEvents = new LocalEvents((channel: string): boolean =>
    bus.isListening(channel),
  );
  const store = createStore({
    redis,
    ttlSeconds,
    confirm: opts.confirm ?? confirmNothing,
    now: opts.now ?? Date.now,
    localEvents,
  });
  const bus: Bus = new Bus(subscriber, opts.logger, localEvents);
  let closed = false;
  const ctx = { store, bus, maxBuffered: maxBufferedEvents, isClosed: () => closed };

  return {
    create: store.create,
    createMany: store.createMany,
    list: store.list,
    get: store.get,
    unreadCount: store.unreadCount,
    markRead: store.markRead,
    markUnread: store.markUnread,
    markAllRead: store.markAllRead,
    getPreferences: store.getPreferences,
    updatePreferences: store.updatePreferences,
    events: (userId, { afterId, signal }) => readEvents(ctx, userId, afterId, signal),
    follow: (userId, afterId, sink) => follow(ctx, userId, afterId, sink),
    stats: () => bus.stats(),
    async close() {
      if (closed) return;
      closed = true;
      bus.close();
      if (subscriber.status !== 'end') await subscriber.quit().catch(() => undefined);
    },
  };
}
