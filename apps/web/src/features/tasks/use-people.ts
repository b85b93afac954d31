import type { User } from '@acme/contracts';
import { useMemo } from 'react';
import { trpc } from '../../lib/trpc';

/**
 * Everyone who can be picked in a form or shown on a record, by id. Shared by the tasks,
 * leads and approver-group pages (one cached `users.list`).
 */
export function usePeople() {
  const query = trpc.users.list.useQuery(undefined, { staleTime: 5 * 60_000 });
  const people = useMemo(
    () => [...(query.data ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
    [query.data],
  );
  const byId = useMemo(() => new Map<string, User>(people.map((p) => [p.id, p])), [people]);
  return { people, byId, isLoading: query.isLoading, isError: query.isError };
}

export type People = ReturnType<typeof usePeople>;
