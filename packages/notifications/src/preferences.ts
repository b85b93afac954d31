import {
  channelPreferencesSchema,
  notificationTypeSchema,
  preferencesSchema,
  unmutableTypes,
  updatePreferencesInputSchema,
  type NotificationType,
  type Preferences,
  type UpdatePreferencesInput,
} from '@acme/contracts';
import { z } from 'zod';
import { userKeys } from './keys';
import type { StoreContext } from './store-context';

const types = notificationTypeSchema.options;
const channels = channelPreferencesSchema.keyof().options;
type Channel = (typeof channels)[number];

/** The prefs hash field of one type and channel: '0' off, '1' or unset on. */
const fieldOf = (type: NotificationType, channel: Channel) => `${type}:${channel}`;

/** The field the create script checks to skip a type; '' for a type that cannot be muted. */
export const mutingField = (type: NotificationType): string =>
  unmutableTypes.includes(type) ? '' : fieldOf(type, 'inApp');

const updateReply = z.tuple([z.string(), z.string()]);

export function createPreferenceStore({ redis, ttlSeconds, eventCutoff, confirm }: StoreContext) {
  return {
    getPreferences: async (userId: string): Promise<Preferences> => {
      const hash = await redis.hgetall(userKeys(userId).prefs);
      const entries = types.map((type) => {
        const set = channels.map((channel) => [channel, hash[fieldOf(type, channel)] !== '0']);
        return [type, Object.fromEntries(set) as Record<Channel, boolean>] as const;
      });
      return preferencesSchema.parse({ types: Object.fromEntries(entries) });
    },

    /** Merges `input` into the user's set and returns the whole set, in one script. */
    updatePreferences: async (
      userId: string,
      input: UpdatePreferencesInput,
    ): Promise<Preferences> => {
      const keys = userKeys(userId);
      const update = updatePreferencesInputSchema.parse(input);
      const pairs = types.flatMap((type) =>
        channels.flatMap((channel) => {
          const value = update.types[type]?.[channel];
          return value === undefined ? [] : [fieldOf(type, channel), value ? '1' : '0'];
        }),
      );
      const [json, eventId] = updateReply.parse(
        await redis.acmeNotifUpdatePreferences(
          keys.prefs,
          keys.index,
          keys.unread,
          keys.events,
          keys.channel,
          eventCutoff(),
          ttlSeconds,
          types.join(','),
          channels.join(','),
          ...pairs,
        ),
      );
      if (eventId !== '') await confirm([keys.events]);
      return preferencesSchema.parse(JSON.parse(json));
    },
  };
}
