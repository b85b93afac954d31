import {
  idSchema,
  listNotificationsInputSchema,
  newNotificationSchema,
  notificationSchema,
  type ListNotificationsInput,
  type NewNotification,
  type Notification,
  type NotificationPage,
  type StreamEvent,
} from '@acme/contracts';
import type { Redis } from 'ioredis';
import {
  createIdGenerator,
  eventIdReply,
  getReply,
  listReply,
  markAllReadReply,
  setReadReply,
  streamInfoReply,
  toNotification,
  toStreamItem,
  xrangeReply,
  type StreamItem,
} from './codec';
import { encodeCursor, listCursorSchema } from './cursor';
import { NotificationNotFoundError } from './errors';
import { userKeys } from './keys';
import type { LocalEvents } from './local-events';

/** Most index entries one list() call looks at when a type filter skips most of them. */
const LIST_SCAN_BUDGET = 1000;

export interface StoreOptions {
  redis: Redis;
  ttlSeconds: number;
  now: () => number;
  /** Where createMany leaves the live events of content shared by several recipients. */
  localEvents?: LocalEvents;
}

/** Validated notification content, ready to be stored for any number of recipients. */
interface Content {
  value: ReturnType<typeof newNotificationSchema.parse>;
  /** Its JSON without the closing brace; the stored JSON appends the per-recipient fields. */
  head: string;
  /** Recipients in this call. */
  uses: number;
  /** The first recipient's notification as validated from its JSON, for the live events. */
  template?: Notification;
}

function parseContent(input: NewNotification): Content {
  const value = newNotificationSchema.parse(input);
  return { value, head: JSON.stringify(value).slice(0, -1), uses: 0 };
}

/** The event the create script publishes, as JSON: it embeds the stored JSON as is. */
const createdEventJson = (notificationJson: string) =>
  `{"kind":"notification.created","notification":${notificationJson}}`;

interface Prepared {
  notification: Notification;
  args: (string | number)[];
  channel: string;
  json: string;
  content: Content;
}

export interface Created {
  notification: Notification;
  eventId: string;
}

export interface StreamInfo {
  lastId: string;
  maxDeletedId: string;
  /** Newest entry still stored but older than the retention cutoff: it counts as deleted. */
  newestExpiredId: string | null;
}

export interface StreamPage {
  items: StreamItem[];
  /** Where the next page starts; null after the last page. */
  next: string | null;
}

export type Store = ReturnType<typeof createStore>;

export function createStore({ redis, ttlSeconds, now, localEvents }: StoreOptions) {
  const nextId = createIdGenerator();
  /** Oldest createdAt (ms) still retained; entries and events before it are expired. */
  const cutoff = () => Math.max(0, Math.floor(now()) - ttlSeconds * 1000);
  const nowIso = () => new Date(now()).toISOString();

  function prepare(userId: string, content: Content): Prepared {
    const owner = idSchema.parse(userId);
    const ms = Math.floor(now());
    const createdAt = new Date(ms).toISOString();
    const id = nextId(ms);
    const notification: Notification = {
      ...content.value,
      id,
      userId: owner,
      isRead: false,
      readAt: null,
      createdAt,
      updatedAt: createdAt,
    };
    // Byte for byte JSON.stringify(notification), without serialising the content again:
    // the content has none of these keys (zod strips unknown ones) and at least one key.
    const json = `${content.head},"id":${JSON.stringify(id)},"userId":${JSON.stringify(owner)},"isRead":false,"readAt":null,"createdAt":"${createdAt}","updatedAt":"${createdAt}"}`;
    const keys = userKeys(owner);
    const args = [
      keys.notification(id),
      keys.index,
      keys.unread,
      keys.events,
      keys.channel,
      id,
      ms,
      createdAt,
      notification.type,
      json,
      cutoff(),
      ttlSeconds,
    ];
    return { notification, args, channel: keys.channel, json, content };
  }

  /**
   * The live event of a prepared notification, equal to what parsing and validating the
   * published JSON gives (same values, same key order): the content is validated from JSON
   * once, and each recipient's copy only differs in the fields the store set itself.
   */
  function liveEvent({ notification: n, json, content }: Prepared): StreamEvent {
    content.template ??= notificationSchema.parse(JSON.parse(json));
    const { id, userId, createdAt, updatedAt } = n;
    return {
      kind: 'notification.created',
      notification: { ...content.template, id, userId, createdAt, updatedAt },
    };
  }

  async function setRead(userId: string, id: string, read: boolean): Promise<Notification> {
    const keys = userKeys(userId);
    const notificationId = idSchema.parse(id);
    const at = nowIso();
    const event: StreamEvent = read
      ? { kind: 'notification.read', id: notificationId, readAt: at }
      : { kind: 'notification.unread', id: notificationId };
    const reply = setReadReply.parse(
      await redis.acmeNotifSetRead(
        keys.notification(notificationId),
        keys.index,
        keys.unread,
        keys.events,
        keys.channel,
        notificationId,
        read ? '1' : '0',
        at,
        JSON.stringify(event),
        cutoff(),
        ttlSeconds,
      ),
    );
    if (!reply) throw new NotificationNotFoundError(notificationId);
    return toNotification(reply[0], reply[1], reply[2]);
  }

  return {
    cutoff,

    create: async (userId: string, input: NewNotification): Promise<Created> => {
      const { notification, args } = prepare(userId, parseContent(input));
      const eventId = eventIdReply.parse(await redis.acmeNotifCreate(...args));
      return { notification, eventId };
    },

    /**
     * One pipeline, one script per item. Everything is validated before anything is sent;
     * each item is atomic on its own, so if Redis rejects some, the others are still stored.
     * Items sharing one input object (a group's members) share its validation and JSON.
     */
    createMany: async (items: { userId: string; input: NewNotification }[]): Promise<Created[]> => {
      const contents = new Map<NewNotification, Content>();
      const prepared = items.map(({ userId, input }) => {
        let content = contents.get(input);
        if (!content) {
          content = parseContent(input);
          contents.set(input, content);
        }
        content.uses += 1;
        return prepare(userId, content);
      });
      if (prepared.length === 0) return [];
      // Live events of shared content, for the recipients listening in this process.
      const registered: (string | undefined)[] = prepared.map((item) => {
        if (!localEvents || item.content.uses < 2 || !localEvents.wants(item.channel)) return;
        const eventJson = createdEventJson(item.json);
        localEvents.add(eventJson, liveEvent(item));
        return eventJson;
      });
      const pipeline = redis.pipeline();
      for (const item of prepared) pipeline.acmeNotifCreate(...item.args);
      const replies = await pipeline.exec().catch((err: unknown) => {
        for (const eventJson of registered) if (eventJson) localEvents?.discard(eventJson);
        throw err;
      });
      const errors: unknown[] = [];
      const created = prepared.map(({ notification }, i) => {
        const [error, value] = replies?.[i] ?? [new Error('No reply from Redis'), null];
        if (error) errors.push(error);
        const eventJson = registered[i];
        if (error && eventJson) localEvents?.discard(eventJson);
        return { notification, eventId: error ? '' : eventIdReply.parse(value) };
      });
      if (errors.length > 0) {
        throw new AggregateError(
          errors,
          `${errors.length} of ${items.length} notifications failed`,
        );
      }
      return created;
    },

    list: async (userId: string, rawInput: ListNotificationsInput): Promise<NotificationPage> => {
      const keys = userKeys(userId);
      const input = listNotificationsInputSchema.parse(rawInput);
      const cursor = input.cursor ? listCursorSchema.parse(input.cursor) : null;
      const types = [...new Set(input.types ?? [])];
      const reply = listReply.parse(
        await redis.acmeNotifList(
          input.unreadOnly ? keys.unread : keys.index,
          keys.notificationPrefix,
          cutoff(),
          input.limit,
          LIST_SCAN_BUDGET,
          cursor?.score ?? '',
          cursor?.member ?? '',
          ...types,
        ),
      );
      const [score = '', member = '', ...rows] = reply;
      const items: Notification[] = [];
      for (let i = 0; i < rows.length; i += 3) {
        items.push(toNotification(rows[i] ?? '', rows[i + 1] ?? '', rows[i + 2] ?? ''));
      }
      return { items, nextCursor: member === '' ? null : encodeCursor({ score, member }) };
    },

    get: async (userId: string, id: string): Promise<Notification | null> => {
      const keys = userKeys(userId);
      const notificationId = idSchema.parse(id);
      const reply = getReply.parse(
        await redis.acmeNotifGet(
          keys.notification(notificationId),
          keys.index,
          notificationId,
          cutoff(),
        ),
      );
      return reply && toNotification(reply[0], reply[1], reply[2]);
    },

    unreadCount: async (userId: string): Promise<number> =>
      redis.zcount(userKeys(userId).unread, cutoff(), '+inf'),

    markRead: (userId: string, id: string) => setRead(userId, id, true),
    markUnread: (userId: string, id: string) => setRead(userId, id, false),

    markAllRead: async (userId: string): Promise<{ count: number }> => {
      const keys = userKeys(userId);
      const at = nowIso();
      const event: StreamEvent = { kind: 'notifications.allRead', readAt: at };
      const [count] = markAllReadReply.parse(
        await redis.acmeNotifMarkAllRead(
          keys.index,
          keys.unread,
          keys.events,
          keys.channel,
          keys.notificationPrefix,
          at,
          JSON.stringify(event),
          cutoff(),
          ttlSeconds,
        ),
      );
      return { count };
    },

    /** Null when the user's stream does not exist (never written, expired, or flushed). */
    streamInfo: async (userId: string): Promise<StreamInfo | null> => {
      const reply = streamInfoReply.parse(
        await redis.acmeNotifStreamInfo(userKeys(userId).events, cutoff()),
      );
      return (
        reply && { lastId: reply[0], maxDeletedId: reply[1], newestExpiredId: reply[2] || null }
      );
    },

    /** Events strictly after `afterId`, in stream order; entries that are not ours are skipped. */
    readStream: async (userId: string, afterId: string, count: number): Promise<StreamPage> => {
      const entries = xrangeReply.parse(
        await redis.xrange(userKeys(userId).events, `(${afterId}`, '+', 'COUNT', count),
      );
      const items: StreamItem[] = [];
      for (const [id, fields] of entries) {
        const item = toStreamItem(id, fields);
        if (item) items.push(item);
      }
      const next = entries.length < count ? null : (entries[entries.length - 1]?.[0] ?? null);
      return { items, next };
    },
  };
}
