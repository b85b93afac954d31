import { useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { describeError, isUnauthorized } from '../../lib/errors';
import { trpc } from '../../lib/trpc';
import { setSignedOut } from './session';

export function useSignOut() {
  const queryClient = useQueryClient();
  return trpc.auth.logout.useMutation({
    onSuccess: () => {
      setSignedOut(queryClient);
    },
    onError: (error) => {
      // Already signed out (expired, or signed out elsewhere): the outcome the user wanted.
      if (isUnauthorized(error)) setSignedOut(queryClient);
      else toast.error("Couldn't sign out", { description: describeError(error) });
    },
  });
}
