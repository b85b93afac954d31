import type {
  ListNotificationsInput,
  MarkAllReadInput,
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
import type { Bulk } from './store-read-state';
import type { Created } from './store-write';
import type { RecordEventItem } from './store-record-events';

export interface NotificationsOptions {
  /** Command connection, shared with the rest of the app. Must not use ioredis `keyPrefix`. */
  redis: RedisClient;
  /**
   * A dedicated connection for pub/sub, one per process. The service owns it: it puts it in
   * subscriber mode, and close() quits it.
   */
  subscriber: RedisClient;
  /** Retention of the history (notifications, views, read state), in seconds. */
  ttlSeconds: number;
  /**
   * The event stream's replay window, in seconds (default 24 h, at most ttlSeconds): resume
   * after an older event id gets sync.reset.
   */
  eventReplaySeconds?: number;
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
  /** Record events (task.changed, lead.changed) on users' streams: tracked, never unread. */
  publishEvents(items: RecordEventItem[]): Promise<string[]>;
  list(userId: string, input: ListNotificationsInput): Promise<NotificationPage>;
  get(userId: string, id: string): Promise<Notification | null>;
  unreadCount(userId: string): Promise<number>;
  markRead(userId: string, id: string): Promise<Notification>;
  markUnread(userId: string, id: string): Promise<Notification>;
  /** The inbox's unread items, only of `types` when given. */
  markAllRead(userId: string, opts?: MarkAllReadInput): Promise<Bulk>;
  /** To the archive, marked read; idempotent. */
  archive(userId: string, id: string): Promise<Notification>;
  /** Back in the inbox, read state kept; idempotent. */
  unarchive(userId: string, id: string): Promise<Notification>;
  /** Every read inbox item to the archive. */
  archiveAllRead(userId: string): Promise<Bulk>;
  /** Out of the inbox until `until` (ISO, future, at most 90 days ahead). */
  snooze(userId: string, id: string, until: string): Promise<Notification>;
  /** Back in the inbox now, unread, at the top (reason 'manual'); idempotent. */
  unsnooze(userId: string, id: string): Promise<Notification>;
  /**
   * The due wake-up (reason 'due'): acts only if still snoozed until exactly `untilMs`, so
   * it happens once however many schedulers call it. Never throws NOT_FOUND: false instead.
   */
  wake(userId: string, id: string, untilMs: number): Promise<boolean>;
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
  eventReplaySeconds: z.number().int().positive().default(86_400),
  maxBufferedEvents: z.number().int().positive().default(10_000),
});

export function createNotificationService(opts: NotificationsOptions): NotificationService {
  const { ttlSeconds, eventReplaySeconds, maxBufferedEvents } = optionsSchema.parse(opts);
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
    eventReplaySeconds,
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
    publishEvents: store.publishEvents,
    list: store.list,
    get: store.get,
    unreadCount: store.unreadCount,
    markRead: store.markRead,
    markUnread: store.markUnread,
    markAllRead: store.markAllRead,
    archive: store.archive,
    unarchive: store.unarchive,
    archiveAllRead: store.archiveAllRead,
    snooze: store.snooze,
    unsnooze: store.unsnooze,
    wake: store.wake,
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
