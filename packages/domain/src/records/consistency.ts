import { AppError } from '@acme/contracts';
import { asStoreUnavailable } from '@acme/redis';
import type { ApplyResult, RecordStore, Transition } from './store';

export const NOTIFY_FAILED = 'Could not save the notification; nothing was changed';

/**
 * A domain write and its notification cannot share one MULTI: the notification store runs its
 * own scripts on keys hash-tagged per user. So every action validates everything first, then
 * applies its record change atomically (compare-and-set), then runs the side effect (the
 * notification, or queueing a reminder). If that throws, the change is reverted, again by
 * compare-and-set so a newer concurrent write is never clobbered, and the caller gets one
 * clear error. Only a Redis failure between the write and the revert leaves the write in
 * place; that case is logged as an error.
 *
 * With REDIS_MIN_REPLICAS, the record and its side effect are confirmed by replicas only once
 * both are written. A side effect that was written but not confirmed is not undone: both
 * halves stay (whole, just not known to be durable) and the caller is told so (503).
 */
export async function applyThen(
  store: RecordStore,
  transition: Transition,
  sideEffect: () => Promise<unknown>,
  failureMessage = NOTIFY_FAILED,
): Promise<ApplyResult> {
  const result = await store.applyUnconfirmed(transition);
  if (result !== 'applied') return result;
  try {
    await sideEffect();
  } catch (cause) {
    const unavailable = asStoreUnavailable(cause);
    if (unavailable?.unconfirmed) throw unavailable;
    await revert(store, transition, cause);
    if (unavailable) {
      const message = `${failureMessage}: storage is unavailable right now (${unavailable.detail}). Try again in a few seconds.`;
      throw new AppError('SERVICE_UNAVAILABLE', message, { cause });
    }
    throw new AppError('INTERNAL_SERVER_ERROR', failureMessage, { cause });
  }
  await store.confirm([transition.key]);
  return result;
}

async function revert(store: RecordStore, transition: Transition, cause: unknown) {
  const { key } = transition;
  try {
    const reverted = await store.revert(transition);
    if (reverted !== 'applied') {
      store.logger.error({ key, cause }, 'side effect failed; the record changed since, kept');
    }
  } catch (err) {
    store.logger.error({ key, err, cause }, 'side effect failed and the revert failed too');
  }
}
