import type { User } from '@acme/contracts';
import { createContext, use } from 'react';

export const CurrentUserContext = createContext<User | null>(null);

/** The signed-in user. Only for components rendered inside the signed-in shell. */
export function useCurrentUser(): User {
  const user = use(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser must be used inside the signed-in shell');
  return user;
}
