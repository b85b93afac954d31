import { idSchema, SNOOZE_MAX_DAYS, type Notification, type StreamEvent } from '@acme/contracts';
import { z } from 'zod';
import { bulkReply, stateReply, toNotification } from './codec';
import { NotificationNotFoundError } from './errors';
import { itemKeys, userKeys } from './keys';
import type { StoreContext } from './store-context';
import type { Bulk } from './store-read-state';

type Action = 'archive' | 'unarchive' | 'snooze' | 'unsnooze' | 'wake';

interface Move {
  action: Action;
  /** The event; when it carries the notification, that field is left for the script. */
  event: string;
  embeds: boolean;
  untilMs?: number;
  untilIso?: string;
}

/** The move for one notification id, at one time (ISO). */
type Build = (id: string, at: string) => Move;

const untilMsSchema = z.number().int().nonnegative();

/** Moves between the inbox, archived and snoozed views (see lua-inbox.ts). */
export function viewWrites(ctx: StoreContext) {
  const { redis, ttlSeconds, cutoff, eventCutoff, now, confirm } = ctx;

  /** Null when the item is unknown or expired; eventId '' when nothing changed. */
  async function move(userId: string, notificationId: string, build: Build) {
    const keys = userKeys(userId);
    const ms = Math.floor(now());
    const at = new Date(ms).toISOString();
    const m = build(notificationId, at);
    const reply = stateReply.parse(
      await redis.acmeNotifMove(
        ...itemKeys(keys, notificationId),
        m.action,
        notificationId,
        ms,
        at,
        m.untilMs ?? '',
        m.untilIso ?? '',
        cutoff(),
        eventCutoff(),
        ttlSeconds,
        m.event,
        m.embeds ? '1' : '0',
      ),
    );
    await confirm([keys.events]);
    return reply && { eventId: reply.eventId, notification: toNotification(reply.state) };
  }

  async function moveOrThrow(userId: string, id: string, build: Build) {
    const notificationId = idSchema.parse(id);
    const moved = await move(userId, notificationId, build);
    if (!moved) throw new NotificationNotFoundError(notificationId);
    return moved.notification;
  }

  /** The event JSON up to its `notification` field, which the script appends. */
  const carrying = (event: Record<string, string>) =>
    `${JSON.stringify(event).slice(0, -1)},"notification":`;

  const unsnoozed = (id: string, reason: 'due' | 'manual') =>
    carrying({ kind: 'notification.unsnoozed', id, reason });

  return {
    /** Moves it to the archive, read. Idempotent: already archived, nothing happens. */
    archive: (userId: string, id: string): Promise<Notification> =>
      moveOrThrow(userId, id, (notificationId, at) => ({
        action: 'archive',
        event: JSON.stringify({
          kind: 'notification.archived',
          id: notificationId,
          archivedAt: at,
        } satisfies StreamEvent),
        embeds: false,
      })),

    /** Back in the inbox where it was, read state kept. Not archived: nothing happens. */
    unarchive: (userId: string, id: string): Promise<Notification> =>
      moveOrThrow(userId, id, (notificationId) => ({
        action: 'unarchive',
        event: carrying({ kind: 'notification.unarchived', id: notificationId }),
        embeds: true,
      })),

    /**
     * Out of the inbox (or the archive) until `until`: ISO date-time, in the future, at most
     * SNOOZE_MAX_DAYS ahead (else a ZodError). Snoozing again moves the wake-up.
     */
    snooze: async (userId: string, id: string, until: string): Promise<Notification> => {
      const untilMs = snoozeUntilSchema(now).parse(until);
      const untilIso = new Date(untilMs).toISOString();
      return moveOrThrow(userId, id, (notificationId) => ({
        action: 'snooze',
        event: JSON.stringify({
          kind: 'notification.snoozed',
          id: notificationId,
          until: untilIso,
        } satisfies StreamEvent),
        embeds: false,
        untilMs,
        untilIso,
      }));
    },

    /** Back in the inbox now, unread, at the top. Not snoozed: nothing happens. */
    unsnooze: (userId: string, id: string): Promise<Notification> =>
      moveOrThrow(userId, id, (notificationId) => ({
        action: 'unsnooze',
        event: unsnoozed(notificationId, 'manual'),
        embeds: true,
      })),

    /**
     * The scheduler's wake-up, due at `untilMs`: like unsnooze, but only while the item is
     * still snoozed until exactly then. False when it did nothing (woken already, unsnoozed,
     * snoozed again, archived, or gone), so a repeated or stale job is harmless.
     */
    wake: async (userId: string, id: string, untilMs: number): Promise<boolean> => {
      const notificationId = idSchema.parse(id);
      const dueMs = untilMsSchema.parse(untilMs);
      const moved = await move(userId, notificationId, (wakingId) => ({
        action: 'wake',
        event: unsnoozed(wakingId, 'due'),
        embeds: true,
        untilMs: dueMs,
      }));
      return moved !== null && moved.eventId !== '';
    },

    /** Every read item of the inbox to the archive. */
    archiveAllRead: async (userId: string): Promise<Bulk> => {
      const keys = userKeys(userId);
      const ms = Math.floor(now());
      const at = new Date(ms).toISOString();
      const event: StreamEvent = { kind: 'notifications.allReadArchived', archivedAt: at };
      const { ids } = bulkReply.parse(
        await redis.acmeNotifArchiveAllRead(
          keys.index,
          keys.unread,
          keys.archived,
          keys.events,
          keys.channel,
          keys.notificationPrefix,
          ms,
          at,
          cutoff(),
          eventCutoff(),
          ttlSeconds,
          JSON.stringify(event),
        ),
      );
      await confirm([keys.events]);
      return { count: ids.length, ids };
    },
  };
}

/** A snooze's `until` against the store's clock, as ms. */
function snoozeUntilSchema(now: () => number) {
  return z.iso
    .datetime({ offset: true })
    .transform((until) => Date.parse(until))
    .refine((ms) => ms > now(), 'until must be in the future')
    .refine(
      (ms) => ms <= now() + SNOOZE_MAX_DAYS * 24 * 3600 * 1000,
      `until must be at most ${SNOOZE_MAX_DAYS} days ahead`,
    );
}
