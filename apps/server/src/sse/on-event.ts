import type { TrackedEnvelope } from '@trpc/server';
import type { z } from 'zod';
import type { onEventInputSchema } from '@acme/contracts';
import { createCaller, type Context } from '@acme/api';

/** The one long-lived procedure that every stream route serves, named in one place. */
export const ON_EVENT_PATH = 'notifications.onEvent';
export type OnEventInput = z.output<typeof onEventInputSchema>;

type Caller = ReturnType<typeof createCaller>;
type Yielded =
  Awaited<ReturnType<Caller['notifications']['onEvent']>> extends AsyncIterable<infer V>
    ? V
    : never;
/** A tracked event as the procedure yields it: `[id, event]`. */
export type OnEventValue = Yielded extends { id: string; data: infer E }
  ? TrackedEnvelope<E>
  : never;

/**
 * Opens `notifications.onEvent` as any tRPC client would reach it: auth, validation, session
 * expiry (UNAUTHORIZED), shutdown (SERVICE_UNAVAILABLE) and slow-consumer ends all come from
 * the procedure. `signal` is the client going away. Resolves once the middlewares passed.
 */
export async function openOnEvent(
  ctx: Context,
  input: OnEventInput,
  signal: AbortSignal,
): Promise<AsyncIterable<OnEventValue>> {
  const events = await createCaller(ctx, { signal }).notifications.onEvent(input);
  // tRPC types tracked yields as the client receives them ({ id, data }); a server-side
  // caller gets what the generator yielded, the `tracked()` envelope.
  return events as unknown as AsyncIterable<OnEventValue>;
}
