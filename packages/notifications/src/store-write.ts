import type { NewNotification, Notification } from '@acme/contracts';
import { pipelinePerNode, type PipelineReply } from '@acme/redis';
import { eventIdReply } from './codec';
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
import { readStateWrites } from './store-read-state';
import { viewWrites } from './store-views';

export interface Created {
  notification: Notification;
  eventId: string;
}

/** The write half of the store: every change is one write script (see lua-write.ts). */
export function createStoreWrites(ctx: StoreContext) {
  return { ...createWrites(ctx), ...readStateWrites(ctx), ...viewWrites(ctx) };
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
