import { tracked, TRPCError } from '@trpc/server';
import {
  listNotificationsInputSchema,
  notificationIdInputSchema,
  onEventInputSchema,
} from '@acme/contracts';
import { toTRPCError } from '../errors';
import { protectedProcedure, router } from '../trpc';

/** Timers cannot wait longer than this; longer sessions are re-checked on reconnect. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const SESSION_EXPIRED = Symbol('session expired');

export const notificationsRouter = router({
  list: protectedProcedure
    .input(listNotificationsInputSchema)
    .query(({ ctx, input }) => ctx.services.notifications.list(ctx.user.id, input)),

  unreadCount: protectedProcedure.query(async ({ ctx }) => ({
    count: await ctx.services.notifications.unreadCount(ctx.user.id),
  })),

  markRead: protectedProcedure
    .input(notificationIdInputSchema)
    .mutation(({ ctx, input }) => ctx.services.notifications.markRead(ctx.user.id, input.id)),

  markUnread: protectedProcedure
    .input(notificationIdInputSchema)
    .mutation(({ ctx, input }) => ctx.services.notifications.markUnread(ctx.user.id, input.id)),

  markAllRead: protectedProcedure.mutation(({ ctx }) =>
    ctx.services.notifications.markAllRead(ctx.user.id),
  ),

  /**
   * The user's live events, each `tracked()` with its stream id so EventSource reconnects
   * resume right after the last one received. Ends with UNAUTHORIZED when the session
   * expires, and with SERVICE_UNAVAILABLE (which clients retry) when the server shuts down.
   */
  onEvent: protectedProcedure.input(onEventInputSchema).subscription(async function* ({
    ctx,
    input,
    signal,
  }) {
    // One controller and one plain timer per stream: AbortSignal.timeout + AbortSignal.any
    // cost several times the memory, and 10,000 idle streams multiply it.
    if (signal?.aborted) return;
    const stop = new AbortController();
    const onGone = () => {
      stop.abort();
    };
    signal?.addEventListener('abort', onGone, { once: true });
    const expiry = setTimeout(
      () => {
        stop.abort(SESSION_EXPIRED);
      },
      Math.min(MAX_TIMER_MS, Math.max(0, ctx.session.expiresAt - Date.now())),
    );
    try {
      const events = ctx.services.notifications.events(ctx.user.id, {
        afterId: input?.lastEventId ?? null,
        signal: stop.signal,
      });
      for await (const { id, event } of events) {
        yield tracked(id, event);
      }
    } catch (err) {
      // The stream's own failures (a slow consumer, Redis) take the one error mapping too.
      throw toTRPCError(err);
    } finally {
      clearTimeout(expiry);
      signal?.removeEventListener('abort', onGone);
    }
    if (signal?.aborted) return;
    if (stop.signal.reason === SESSION_EXPIRED)
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Session expired' });
    throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'Server is restarting' });
  }),
});
