import { randomBytes } from 'node:crypto';
import { notificationSchema, streamEventSchema, type Notification } from '@acme/contracts';
import { z } from 'zod';

/** One event as stored in the stream, published on the channel and yielded by events(). */
export const streamItemSchema = z.object({ id: z.string(), event: streamEventSchema });
export type StreamItem = z.infer<typeof streamItemSchema>;

/** A notification's hash fields as the scripts return them ('' = null). */
const str = z.string();
export const stateSchema = z.tuple([str, str, str, str, str]);
export type State = z.infer<typeof stateSchema>;

/** Rebuilds a notification from its hash: the JSON as created plus its current state. */
export function toNotification([
  data,
  readAt,
  updatedAt,
  archivedAt,
  snoozedUntil,
]: State): Notification {
  const created = notificationSchema.parse(JSON.parse(data) as unknown);
  return {
    ...created,
    isRead: readAt !== '',
    readAt: readAt || null,
    archivedAt: archivedAt || null,
    snoozedUntil: snoozedUntil || null,
    updatedAt,
  };
}

/** Parses a stream entry's fields (`e` = event JSON); null if it is not one of ours. */
export function toStreamItem(id: string, fields: string[]): StreamItem | null {
  const at = fields.indexOf('e');
  const raw = at >= 0 && at % 2 === 0 ? fields[at + 1] : undefined;
  return raw === undefined ? null : parseStreamItem(`{"id":${JSON.stringify(id)},"event":${raw}}`);
}

/** Parses a published `{"id":…,"event":…}` message; null if malformed. */
export function parseStreamItem(raw: string): StreamItem | null {
  try {
    const result = streamItemSchema.safeParse(JSON.parse(raw) as unknown);
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

/**
 * Notification ids sort by creation time, then by a per-process sequence, so notifications
 * created in the same millisecond list in creation order (the index orders ties by member).
 */
export function createIdGenerator(): (ms: number) => string {
  let lastMs = -1;
  let seq = 0;
  // 6 random bytes per id, drawn from a pool: randomBytes per id is a native call each time.
  const POOL_IDS = 512;
  let pool = randomBytes(6 * POOL_IDS);
  let offset = 0;
  const random = () => {
    if (offset === pool.length) {
      pool = randomBytes(6 * POOL_IDS);
      offset = 0;
    }
    offset += 6;
    return pool.toString('hex', offset - 6, offset);
  };
  return (ms) => {
    const at = Math.max(0, Math.floor(ms));
    seq = at === lastMs ? seq + 1 : 0;
    lastMs = at;
    const time = at.toString(36).padStart(9, '0');
    return time + seq.toString(36).padStart(4, '0') + random();
  };
}

/** The create script's reply: the event id, or null (Lua false) when the type is muted. */
export const createReply = z.string().nullable();
/** {eventId ('' = unchanged), ...State}, or null when the notification is not found. */
export const stateReply = z
  .tuple([str, str, str, str, str, str])
  .transform(([eventId, ...state]) => ({ eventId, state }))
  .nullable();
/** {eventId ('' = nothing changed), ...the ids changed}. */
export const bulkReply = z
  .tuple([z.string()], z.string())
  .transform(([eventId, ...ids]) => ({ eventId, ids }));
export const listReply = z.array(z.string());
export const streamInfoReply = z.tuple([z.string(), z.string(), z.string()]).nullable();
export const xrangeReply = z.array(z.tuple([z.string(), z.array(z.string())]));
