import { type ChannelPreferences, type NotificationType, type Preferences } from '@acme/contracts';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { describeError, isUnauthorized } from '../../lib/errors';
import { trpc } from '../../lib/trpc';
import { handleSessionEnded } from '../auth/session';
import { notificationKeys } from './notification-keys';

export type Channel = keyof ChannelPreferences;

const everythingOn: ChannelPreferences = { inApp: true, toast: true, desktop: true };

/** What the server says by default (everything on), until the user's set has loaded. */
export function channelsOf(
  preferences: Preferences | undefined,
  type: NotificationType,
): ChannelPreferences {
  return preferences?.types[type] ?? everythingOn;
}

/** The cached set, for code outside React (the stream's alerts). */
export function cachedPreferences(queryClient: QueryClient): Preferences | undefined {
  return queryClient.getQueryData<Preferences>(notificationKeys.preferences);
}

/** Merges one switch into the set, as the server's update does. */
export function withChannel(
  preferences: Preferences,
  type: NotificationType,
  channel: Channel,
  on: boolean,
): Preferences {
  const types: Preferences['types'] = {
    ...preferences.types,
    [type]: { ...channelsOf(preferences, type), [channel]: on },
  };
  return { types };
}

export function usePreferences() {
  const { client } = trpc.useUtils();
  return useQuery<Preferences>({
    queryKey: notificationKeys.preferences,
    queryFn: ({ signal }) => client.preferences.get.query(undefined, { signal }),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/** One switch at a time, shown at once and put back if the server refuses. */
export function useUpdatePreference() {
  const queryClient = useQueryClient();
  const { client } = trpc.useUtils();
  return useMutation({
    mutationFn: ({
      type,
      channel,
      on,
    }: {
      type: NotificationType;
      channel: Channel;
      on: boolean;
    }) => client.preferences.update.mutate({ types: { [type]: { [channel]: on } } }),
    onMutate: async ({ type, channel, on }) => {
      await queryClient.cancelQueries({ queryKey: notificationKeys.preferences });
      const before = cachedPreferences(queryClient);
      if (before) {
        queryClient.setQueryData(
          notificationKeys.preferences,
          withChannel(before, type, channel, on),
        );
      }
      return before;
    },
    onError: (error, _input, before) => {
      if (before) queryClient.setQueryData(notificationKeys.preferences, before);
      if (isUnauthorized(error)) handleSessionEnded(queryClient);
      else toast.error("Couldn't save the setting", { description: describeError(error) });
    },
    onSuccess: (preferences) => {
      queryClient.setQueryData(notificationKeys.preferences, preferences);
    },
  });
}
