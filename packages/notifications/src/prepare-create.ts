import {
  idSchema,
  newNotificationSchema,
  notificationSchema,
  type NewNotification,
  type Notification,
  type StreamEvent,
} from '@acme/contracts';
import { createIdGenerator } from './codec';
import { userKeys } from './keys';
import { mutingField } from './preferences';
import type { StoreContext } from './store-context';

/** Validated notification content, ready to be stored for any number of recipients. */
export interface Content {
  value: ReturnType<typeof newNotificationSchema.parse>;
  /** Its JSON without the closing brace; the stored JSON appends the per-recipient fields. */
  head: string;
  /** Recipients in this call. */
  uses: number;
  /** The first recipient's notification as validated from its JSON, for the live events. */
  template?: Notification;
}

export function parseContent(input: NewNotification): Content {
  const value = newNotificationSchema.parse(input);
  return { value, head: JSON.stringify(value).slice(0, -1), uses: 0 };
}

/** The event the create script publishes, as JSON: it embeds the stored JSON as is. */
export const createdEventJson = (notificationJson: string) =>
  `{"kind":"notification.created","notification":${notificationJson}}`;

/** One recipient's notification, with the create script's arguments. */
export interface Prepared {
  notification: Notification;
  args: (string | number)[];
  channel: string;
  json: string;
  content: Content;
}

/** Builds each recipient's notification and script arguments, with ids from one generator. */
export function createPreparer({ now, cutoff, eventCutoff, ttlSeconds }: StoreContext) {
  const nextId = createIdGenerator();
  return (userId: string, content: Content): Prepared => {
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
      archivedAt: null,
      snoozedUntil: null,
      createdAt,
      updatedAt: createdAt,
    };
    // Byte for byte JSON.stringify(notification), without serialising the content again:
    // the content has none of these keys (zod strips unknown ones) and at least one key.
    const json = `${content.head},"id":${JSON.stringify(id)},"userId":${JSON.stringify(owner)},"isRead":false,"readAt":null,"archivedAt":null,"snoozedUntil":null,"createdAt":"${createdAt}","updatedAt":"${createdAt}"}`;
    const keys = userKeys(owner);
    const args = [
      keys.notification(id),
      keys.index,
      keys.unread,
      keys.events,
      keys.channel,
      keys.prefs,
      id,
      ms,
      createdAt,
      notification.type,
      json,
      cutoff(),
      ttlSeconds,
      eventCutoff(),
      mutingField(notification.type),
    ];
    return { notification, args, channel: keys.channel, json, content };
  };
}

/**
 * The live event of a prepared notification, equal to what parsing and validating the
 * published JSON gives (same values, same key order): the content is validated from JSON
 * once, and each recipient's copy only differs in the fields the store set itself.
 */
export function liveEvent({ notification: n, json, content }: Prepared): StreamEvent {
  content.template ??= notificationSchema.parse(JSON.parse(json));
  const { id, userId, createdAt, updatedAt } = n;
  return {
    kind: 'notification.created',
    notification: { ...content.template, id, userId, createdAt, updatedAt },
  };
}
