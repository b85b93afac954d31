import { idSchema } from '@acme/contracts';

/**
 * The Redis key layout of one user. Every key (and the shard channel) carries the hash tag
 * `{u:<userId>}`, so one user's data lives in one Cluster slot and one Lua script may touch
 * all of it atomically.
 *
 * - `{u:<id>}:n:<notificationId>` HASH `data` (notification JSON as created), `type`,
 *   `readAt` ('' while unread), `updatedAt`; EXPIRE ttl from creation.
 * - `{u:<id>}:index`  ZSET notificationId → createdAt ms, every retained notification.
 * - `{u:<id>}:unread` ZSET notificationId → createdAt ms, the unread ones.
 * - `{u:<id>}:events` STREAM, one entry per event (field `e` = StreamEvent JSON); its entry
 *   ids are the public event ids.
 * - `{u:<id>}:live`   shard channel (SPUBLISH) carrying `{"id":<entry id>,"event":…}`.
 * - `{u:<id>}:prefs`  HASH `<type>:<channel>` → '1' | '0' (unset = on); no expiry: settings
 *   outlive the history. In the user's slot, so the create script reads it with one HGET.
 *
 * index, unread and events share one expiry (see lua-write.ts). A create sets it to ttl + 1 %
 * when due (exactly ttl, on every create, when ttl < 100 s); marking read or unread sets it to
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
    events: `${tag}:events`,
    channel: `${tag}:live`,
    prefs: `${tag}:prefs`,
  };
}

export type UserKeys = ReturnType<typeof userKeys>;
