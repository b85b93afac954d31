import {
  idSchema,
  markAllReadInputSchema,
  type MarkAllReadInput,
  type Notification,
  type StreamEvent,
} from '@acme/contracts';
import { bulkReply, stateReply, toNotification } from './codec';
import { NotificationNotFoundError } from './errors';
import { itemKeys, userKeys } from './keys';
import type { StoreContext } from './store-context';

export interface Bulk {
  count: number;
  /** What changed, newest first: lets a client undo it. */
  ids: string[];
}

/** markRead, markUnread (any view) and markAllRead (the inbox). */
export function readStateWrites(ctx: StoreContext) {
  const { redis, ttlSeconds, cutoff, eventCutoff, nowIso, confirm } = ctx;
  async function setRead(userId: string, id: string, read: boolean): Promise<Notification> {
    const keys = userKeys(userId);
    const notificationId = idSchema.parse(id);
    const at = nowIso();
    const event: StreamEvent = read
      ? { kind: 'notification.read', id: notificationId, readAt: at }
      : { kind: 'notification.unread', id: notificationId };
    const reply = stateReply.parse(
      await redis.acmeNotifSetRead(
        ...itemKeys(keys, notificationId),
        notificationId,
        read ? '1' : '0',
        at,
        JSON.stringify(event),
        cutoff(),
        eventCutoff(),
        ttlSeconds,
      ),
    );
    if (!reply) throw new NotificationNotFoundError(notificationId);
    await confirm([keys.events]);
    return toNotification(reply.state);
  }

  return {
    markRead: (userId: string, id: string) => setRead(userId, id, true),
    markUnread: (userId: string, id: string) => setRead(userId, id, false),

    /** The inbox's unread items (of `types`, when given) marked read. */
    markAllRead: async (userId: string, opts?: MarkAllReadInput): Promise<Bulk> => {
      const keys = userKeys(userId);
      const types = [...new Set(markAllReadInputSchema.parse(opts)?.types ?? [])];
      const at = nowIso();
      const event: StreamEvent = {
        kind: 'notifications.allRead',
        readAt: at,
        ...(types.length > 0 ? { types } : {}),
      };
      const { ids } = bulkReply.parse(
        await redis.acmeNotifMarkAllRead(
          keys.index,
          keys.unread,
          keys.events,
          keys.channel,
          keys.notificationPrefix,
          at,
          JSON.stringify(event),
          cutoff(),
          eventCutoff(),
          ttlSeconds,
          ...types,
        ),
      );
      await confirm([keys.events]);
      return { count: ids.length, ids };
    },
  };
}
