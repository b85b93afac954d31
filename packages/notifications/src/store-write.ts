import {
  idSchema,
  type NewNotification,
  type Notification,
  type StreamEvent,
} from '@acme/contracts';
import { pipelinePerNode, type PipelineReply } from '@acme/redis';
import { eventIdReply, markAllReadReply, setReadReply, toNotification } from './codec';
import { NotificationNotFoundError } from './errors';
import { userKeys } from './keys';
import type { LocalEvents } from './local-events';
import {
  createdEventJson,
  createPreparer,
  liveEvent,
  parseContent,
  type Content,
  type Prepared,
} from './prepare-create';
import type { StoreContext } from './store-context';

export interface Created {
  notification: Notification;
  eventId: string;
}

/** The write half of the store: every change is one write script (see lua-write.ts). */
export function createStoreWrites(ctx: StoreContext) {
  return { ...createWrites(ctx), ...readStateWrites(ctx) };
}

function createWrites(ctx: StoreContext) {
  const { redis, localEvents, confirm } = ctx;
  const prepare = createPreparer(ctx);
  return {
    create: async (userId: string, input: NewNotification): Promise<Created> => {
      const { notification, args, channel } = prepare(userId, parseContent(input));
      const eventId = eventIdReply.parse(await redis.acmeNotifCreate(...args));
      await confirm([channel]);
      return { notification, eventId };
    },

    /**
     * One pipeline per Redis master, one script per item. Everything is validated before anything is sent;
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
      const registered = registerSharedEvents(localEvents, prepared);
      const replies = await pipelinePerNode(
        redis,
        prepared,
        (item) => item.channel,
        (pipeline, item) => pipeline.acmeNotifCreate(...item.args),
      );
      const created = collectCreated(replies, registered, localEvents);
      await confirm(prepared.map((item) => item.channel));
      return created;
    },
  };
}

/**
 * Live events of shared content, for the recipients listening in this process. Returns, per
 * item, the event JSON left in localEvents (undefined where none was).
 */
function registerSharedEvents(
  localEvents: LocalEvents | undefined,
  prepared: Prepared[],
): (string | undefined)[] {
  return prepared.map((item) => {
    if (!localEvents || item.content.uses < 2 || !localEvents.wants(item.channel)) return;
    const eventJson = createdEventJson(item.json);
    localEvents.add(eventJson, liveEvent(item));
    return eventJson;
  });
}

/** Pairs the replies with the items; throws an AggregateError if any failed. */
function collectCreated(
  replies: PipelineReply<Prepared>[],
  registered: (string | undefined)[],
  localEvents: LocalEvents | undefined,
): Created[] {
  const errors: unknown[] = [];
  const created = replies.map(({ item, error, value }, i) => {
    if (error) errors.push(error);
    const eventJson = registered[i];
    if (error && eventJson) localEvents?.discard(eventJson);
    return { notification: item.notification, eventId: error ? '' : eventIdReply.parse(value) };
  });
  if (errors.length > 0) {
    throw new AggregateError(errors, `${errors.length} of ${replies.length} notifications failed`);
  }
  return created;
}

function readStateWrites({ redis, ttlSeconds, cutoff, nowIso, confirm }: StoreContext) {
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
    await confirm([keys.events]);
    return toNotification(reply[0], reply[1], reply[2]);
  }

  return {
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
      await confirm([keys.events]);
      return { count };
    },
  };
}
