import type { User } from '@acme/contracts';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { trpc } from '../../lib/trpc';
import { broadcastSessionChange } from './session-sync';

/**
 * The session is `auth.session`, cached as `User | null`: being signed out is a state, not an
 * error (so the sign-in page makes no failing request, unlike `auth.me`'s 401), and signing out
 * can flip it to null without a round trip or a flash of the splash screen.
 */
const sessionQueryKey = ['session'] as const;

export function useSessionQuery() {
  const { client } = trpc.useUtils();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: async (): Promise<User | null> => {
      const user = await client.auth.session.query();
      if (!user) {
        handleSessionEnded(queryClient);
        return null;
      }
      const previous = queryClient.getQueryData<User | null>(sessionQueryKey);
      if (previous && previous.id !== user.id) {
        // Someone else signed in from another tab: drop what the previous user could see.
        queryClient.removeQueries({
          predicate: (query) => query.queryKey[0] !== sessionQueryKey[0],
        });
      }
      return user;
    },
    staleTime: 5 * 60_000,
    gcTime: Infinity,
  });
}

export function setSignedIn(queryClient: QueryClient, user: User): void {
  const previous = queryClient.getQueryData<User | null>(sessionQueryKey);
  queryClient.setQueryData(sessionQueryKey, user);
  if (previous?.id !== user.id) broadcastSessionChange('signed-in');
}

/**
 * Shows the sign-in page and drops everything the previous user could see. Other tabs follow
 * (see session-sync), unless this tab is itself following another one.
 */
export function setSignedOut(
  queryClient: QueryClient,
  opts: { broadcast: boolean } = { broadcast: true },
): void {
  const wasSignedIn = queryClient.getQueryData<User | null>(sessionQueryKey) != null;
  queryClient.setQueryData(sessionQueryKey, null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
  queryClient.getMutationCache().clear();
  if (wasSignedIn && opts.broadcast) broadcastSessionChange('signed-out');
}

/** Another tab signed out: follow quietly (the user did it themselves). */
export function followSignOut(queryClient: QueryClient): void {
  setSignedOut(queryClient, { broadcast: false });
}

/** Another tab signed in (maybe as someone else): ask the server who we are now. */
export function followSignIn(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: sessionQueryKey, exact: true });
}

/** A request found the session gone (expired, or signed out in another tab). */
export function handleSessionEnded(queryClient: QueryClient): void {
  const wasSignedIn = queryClient.getQueryData<User | null>(sessionQueryKey) != null;
  setSignedOut(queryClient);
  if (wasSignedIn) toast('Your session has ended', { description: 'Sign in again to continue.' });
}
