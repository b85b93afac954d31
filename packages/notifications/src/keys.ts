import { idSchema } from '@acme/contracts';

/**
 * The Redis key layout of one user. Every key (and the shard channel) carries the hash tag
 * `{u:<userId>}`, so one user's data lives in one Cluster slot and one Lua script may touch
 * all of it atomically.
 *
 * - `{u:<id>}:n:<notificationId>` HASH `data` (notification JSON as created), `type`,
 *   `readAt` ('' while unread), `updatedAt`, `archivedAt` and `snoozedUntil` ('' or absent:
 *   not); EXPIRE ttl from creation, extended when the item moves (see lua-inbox.ts).
 * - `{u:<id>}:index`  ZSET notificationId → createdAt ms (or the time it came back from
 *   snooze or a long archive): the inbox view.
 * - `{u:<id>}:unread` ZSET notificationId → its index score, the unread ones of the inbox.
 * - `{u:<id>}:archived` ZSET notificationId → archivedAt ms: the archived view.
 * - `{u:<id>}:snoozed`  ZSET notificationId → snoozedUntil ms: the snoozed view.
 *   An item is in exactly one of index, archived and snoozed.
 * - `{u:<id>}:events` STREAM, one entry per event (field `e` = StreamEvent JSON); its entry
 *   ids are the public event ids.
 * - `{u:<id>}:live`   shard channel (SPUBLISH) carrying `{"id":<entry id>,"event":…}`.
 * - `{u:<id>}:prefs`  HASH `<type>:<channel>` → '1' | '0' (unset = on); no expiry: settings
 *   outlive the history. In the user's slot, so the create script reads it with one HGET.
 *
 * index, unread and events share one expiry (see lua-write.ts). A create sets it to ttl + 1 %
 * when due (exactly ttl, on every create, when ttl < 100 s); every other write sets it to
 * exactly ttl. So an idle user's data disappears between one ttl and ttl + 1 % after their last
 * write (reads filter by the cutoff meanwhile).
 */
export function userKeys(userId: string) {
  const tag = `{u:${idSchema.parse(userId)}}`;
  const notificationPrefix = `${tag}:n:`;
  return {
    notificationPrefix,
    notification: (notificationId: string) => notificationPrefix + notificationId,
    index: `${tag}:index`,
    unread: `${tag}:unread`,
    archived: `${tag}:archived`,
    snoozed: `${tag}:snoozed`,
    events: `${tag}:events`,
    channel: `${tag}:live`,
    prefs: `${tag}:prefs`,
  };
}

export type UserKeys = ReturnType<typeof userKeys>;

/** The KEYS of the scripts that change one item in any view (setRead, move). */
export const itemKeys = (keys: UserKeys, notificationId: string) =>
  [
    keys.notification(notificationId),
    keys.index,
    keys.unread,
    keys.archived,
    keys.snoozed,
    keys.events,
    keys.channel,
  ] as const;
