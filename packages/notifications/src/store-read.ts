import {
  idSchema,
  listNotificationsInputSchema,
  type ListNotificationsInput,
  type Notification,
  type NotificationPage,
  type NotificationView,
} from '@acme/contracts';
import {
  listReply,
  stateReply,
  stateSchema,
  streamInfoReply,
  toNotification,
  toStreamItem,
  xrangeReply,
  type StreamItem,
} from './codec';
import { cursorSchema, decodeCursor, encodeCursor } from './cursor';
import { userKeys, type UserKeys } from './keys';
import type { StoreContext } from './store-context';

/** Most index entries one list() call looks at when a type filter skips most of them. */
export const LIST_SCAN_BUDGET = 1000;

/** A list position: the (score, member) of the last item of the previous page. */
const listCursorSchema = cursorSchema(/\d{1,16}:[A-Za-z0-9_-]{1,64}/).transform((payload) => {
  const at = payload.indexOf(':');
  return { score: payload.slice(0, at), member: payload.slice(at + 1) };
});

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

/**
 * How list() walks a view: the inbox and the archive newest first (the archive by when each
 * item was archived), the snoozed view soonest wake-up first, never expired by the cutoff.
 * The inbox has an unread set; the other views filter unread by the hash.
 */
function viewScan(keys: UserKeys, view: NotificationView, unreadOnly: boolean, cutoff: number) {
  switch (view) {
    case 'inbox':
      return {
        zset: unreadOnly ? keys.unread : keys.index,
        order: 'desc',
        cutoff,
        unreadFilter: false,
      };
    case 'archived':
      return { zset: keys.archived, order: 'desc', cutoff, unreadFilter: unreadOnly };
    case 'snoozed':
      return { zset: keys.snoozed, order: 'asc', cutoff: 0, unreadFilter: unreadOnly };
  }
}

/** The read half of the store: read-only scripts and commands that filter by the cutoff. */
export function createStoreReads(ctx: StoreContext) {
  return { ...notificationReads(ctx), ...streamReads(ctx) };
}

function notificationReads({ redis, cutoff }: StoreContext) {
  return {
    list: async (userId: string, rawInput: ListNotificationsInput): Promise<NotificationPage> => {
      const keys = userKeys(userId);
      const input = listNotificationsInputSchema.parse(rawInput);
      const cursor = input.cursor ? decodeCursor(listCursorSchema, input.cursor) : null;
      const types = [...new Set(input.types ?? [])];
      const view = viewScan(keys, input.view, input.unreadOnly, cutoff());
      const reply = listReply.parse(
        await redis.acmeNotifList(
          view.zset,
          keys.notificationPrefix,
          view.cutoff,
          input.limit,
          LIST_SCAN_BUDGET,
          cursor?.score ?? '',
          cursor?.member ?? '',
          view.order,
          view.unreadFilter ? '1' : '0',
          ...types,
        ),
      );
      const [score = '', member = '', ...rows] = reply;
      const items: Notification[] = [];
      for (let i = 0; i < rows.length; i += 5) {
        items.push(toNotification(stateSchema.parse(rows.slice(i, i + 5))));
      }
      return { items, nextCursor: member === '' ? null : encodeCursor(`${score}:${member}`) };
    },

    get: async (userId: string, id: string): Promise<Notification | null> => {
      const keys = userKeys(userId);
      const notificationId = idSchema.parse(id);
      const reply = stateReply.parse(
        await redis.acmeNotifGet(
          keys.notification(notificationId),
          keys.index,
          keys.archived,
          keys.snoozed,
          notificationId,
          cutoff(),
        ),
      );
      return reply && toNotification(reply.state);
    },

    unreadCount: async (userId: string): Promise<number> =>
      redis.zcount(userKeys(userId).unread, cutoff(), '+inf'),
  };
}

/** What events() reads to resume: the stream's bounds and its entries after an id. */
function streamReads({ redis, eventCutoff }: StoreContext) {
  return {
    /** Null when the user's stream does not exist (never written, expired, or flushed). */
    streamInfo: async (userId: string): Promise<StreamInfo | null> => {
      const reply = streamInfoReply.parse(
        await redis.acmeNotifStreamInfo(userKeys(userId).events, eventCutoff()),
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
