import type { NewNotification, Notification } from '@acme/contracts';
import { pipelinePerNode, type PipelineReply } from '@acme/redis';
import { createReply } from './codec';
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
import { recordEventWrites } from './store-record-events';
import { readStateWrites } from './store-read-state';
import { viewWrites } from './store-views';

/**
 * A stored notification and its event id, or one skipped because its user muted the type
 * in-app: then nothing was stored or published, and `notification` is what would have been.
 */
export type Created =
  | { skipped: false; notification: Notification; eventId: string }
  | { skipped: true; reason: 'muted'; notification: Notification; eventId: '' };

const createdOf = (notification: Notification, reply: unknown): Created => {
  const eventId = createReply.parse(reply);
  return eventId === null
    ? { skipped: true, reason: 'muted', notification, eventId: '' }
    : { skipped: false, notification, eventId };
};

/** The write half of the store: every change is one write script (see lua-write.ts). */
export function createStoreWrites(ctx: StoreContext) {
  return {
    ...createWrites(ctx),
    ...readStateWrites(ctx),
    ...viewWrites(ctx),
    ...recordEventWrites(ctx),
  };
}

function createWrites(ctx: StoreContext) {
  const { redis, localEvents, confirm } = ctx;
  const prepare = createPreparer(ctx);
  return {
    create: async (userId: string, input: NewNotification): Promise<Created> => {
      const { notification, args, channel } = prepare(userId, parseContent(input));
      const created = createdOf(notification, await redis.acmeNotifCreate(...args));
      if (!created.skipped) await confirm([channel]);
      return created;
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
      const { created, written } = collectCreated(replies, registered, localEvents);
      if (written.length > 0) await confirm(written);
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

/**
 * Pairs the replies with the items, with the channels of those written; throws an
 * AggregateError if any failed. A live event left in localEvents for an item that failed or
 * was muted is taken back: it will never come.
 */
function collectCreated(
  replies: PipelineReply<Prepared>[],
  registered: (string | undefined)[],
  localEvents: LocalEvents | undefined,
): { created: Created[]; written: string[] } {
  const errors: unknown[] = [];
  const written: string[] = [];
  const created = replies.map(({ item, error, value }, i): Created => {
    if (error) errors.push(error);
    // A failed item counts as not written (its event never comes either); the call throws below.
    const result = createdOf(item.notification, error ? null : value);
    const eventJson = registered[i];
    if (result.skipped && eventJson) localEvents?.discard(eventJson);
    if (!result.skipped) written.push(item.channel);
    return result;
  });
  if (errors.length > 0) {
    throw new AggregateError(errors, `${errors.length} of ${replies.length} notifications failed`);
  }
  return { created, written };
}
