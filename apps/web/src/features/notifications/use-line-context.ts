import { useMemo } from 'react';
import { useCurrentUser } from '../auth/current-user';
import { usePeople } from '../tasks/use-people';
import type { LineContext } from './notification-line';

/** What a card's line needs: who is signed in, everyone's names, the time now. */
export function useLineContext(now: number): LineContext {
  const me = useCurrentUser();
  const { byId } = usePeople();
  return useMemo(
    () => ({ meId: me.id, nameOf: (id: string) => byId.get(id)?.name, now: new Date(now) }),
    [me.id, byId, now],
  );
}
