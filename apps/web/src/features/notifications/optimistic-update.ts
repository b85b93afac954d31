import { useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { describeError, isUnauthorized } from '../../lib/errors';
import { handleSessionEnded } from '../auth/session';
import type { CacheEvent } from './cache-updates';
import type { CacheSnapshot, NotificationCache } from './notification-cache';

/**
 * A change applied to the cache at once (the same update its stream event makes) and rolled
 * back if the server refuses. The server's own event arrives later and changes nothing, since
 * the updates are idempotent.
 */
export function useOptimisticUpdate(cache: NotificationCache) {
  const queryClient = useQueryClient();
  return {
    apply(event: CacheEvent | null): CacheSnapshot {
      const snapshot = cache.snapshot();
      if (event) cache.apply(event);
      return snapshot;
    },
    onError: (failure: string) => (error: unknown, _input: unknown, snapshot: unknown) => {
      if (Array.isArray(snapshot)) cache.restore(snapshot as CacheSnapshot);
      if (isUnauthorized(error)) handleSessionEnded(queryClient);
      else toast.error(failure, { description: describeError(error) });
    },
  };
}

/**
 * A short confirmation with an Undo button, as inboxes offer for anything that hides items.
 * `id` names what it is about: doing it again replaces the toast rather than stacking one
 * whose Undo would undo nothing.
 */
export function toastWithUndo(id: string, message: string, undo: () => void): void {
  toast(message, {
    id,
    duration: 8_000,
    action: {
      label: 'Undo',
      onClick: undo,
    },
  });
}
