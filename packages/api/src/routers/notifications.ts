import { tracked } from '@trpc/server';
import {
  listNotificationsInputSchema,
  notificationIdInputSchema,
  onEventInputSchema,
} from '@acme/contracts';
import { pull, type StreamItem } from '@acme/notifications';
import { openEventStream } from '../event-stream';
import { protectedProcedure, router } from '../trpc';

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
   * resume right after the last one received (see openEventStream for how it ends).
   */
  onEvent: protectedProcedure.input(onEventInputSchema).subscription(async function* ({
    ctx,
    input,
    signal,
  }) {
    const gone = signal ?? new AbortController().signal;
    const events = pull<StreamItem>((sink) => openEventStream(ctx, input, sink), gone);
    for await (const { id, event } of events) yield tracked(id, event);
  }),
});
