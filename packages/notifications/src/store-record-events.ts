import { leadSchema, taskSchema } from '@acme/contracts';
import { pipelinePerNode } from '@acme/redis';
import { z } from 'zod';
import { userKeys } from './keys';
import type { StoreContext } from './store-context';

/** The events a domain action may publish itself: records changed, never notifications. */
export const recordEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('task.changed'), task: taskSchema }),
  z.object({ kind: z.literal('lead.changed'), lead: leadSchema }),
]);
export type RecordEvent = z.infer<typeof recordEventSchema>;

export interface RecordEventItem {
  userId: string;
  event: RecordEvent;
}

const eventIdReply = z.string();

/** `publishEvents`: one script per user's event, one pipeline per Redis master. */
export function recordEventWrites({ redis, confirm, eventCutoff, ttlSeconds }: StoreContext) {
  return {
    /** Returns the event ids in order; throws (AggregateError) if any failed. */
    publishEvents: async (items: RecordEventItem[]): Promise<string[]> => {
      // Everything is validated before anything is sent; a shared event is encoded once.
      const json = new Map<RecordEventItem['event'], string>();
      const prepared = items.map(({ userId, event }) => {
        let eventJson = json.get(event);
        if (eventJson === undefined) {
          eventJson = JSON.stringify(recordEventSchema.parse(event));
          json.set(event, eventJson);
        }
        return { keys: userKeys(userId), eventJson };
      });
      if (prepared.length === 0) return [];
      const cutoff = eventCutoff();
      const replies = await pipelinePerNode(
        redis,
        prepared,
        (item) => item.keys.channel,
        (pipeline, { keys, eventJson }) =>
          pipeline.acmeNotifPublishEvent(
            keys.index,
            keys.unread,
            keys.events,
            keys.channel,
            eventJson,
            cutoff,
            ttlSeconds,
          ),
      );
      const errors = replies.flatMap(({ error }) => (error ? [error] : []));
      const written = replies.filter(({ error }) => !error).map(({ item }) => item.keys.channel);
      if (written.length > 0) await confirm(written);
      if (errors.length > 0) {
        throw new AggregateError(errors, `${errors.length} of ${replies.length} events failed`);
      }
      return replies.map(({ value }) => eventIdReply.parse(value));
    },
  };
}
