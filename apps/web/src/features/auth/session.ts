import type { User } from '@acme/contracts';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { isUnauthorized } from '../../lib/errors';
import { trpc } from '../../lib/trpc';

/**
 * The session is `auth.me`, cached as `User | null`: being signed out is a state, not an error,
 * so signing out can flip it to null without a round trip or a flash of the splash screen.
 */
const sessionQueryKey = ['session'] as const;

export function useSessionQuery() {
  const { client } = trpc.useUtils();
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: async (): Promise<User | null> => {
      try {
        return await client.auth.me.query();
      } catch (error) {
        if (isUnauthorized(error)) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    gcTime: Infinity,
  });
}

export function setSignedIn(queryClient: QueryClient, user: User): void {
  queryClient.setQueryData(sessionQueryKey, user);
}

/** Shows the sign-in page and drops everything the previous user could see. */
export function setSignedOut(queryClient: QueryClient): void {
  queryClient.setQueryData(sessionQueryKey, null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
  queryClient.getMutationCache().clear();
}
