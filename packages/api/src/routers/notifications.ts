import { tracked } from '@trpc/server';
import {
  listNotificationsInputSchema,
  markAllReadInputSchema,
  notificationIdInputSchema,
  onEventInputSchema,
  snoozeInputSchema,
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

  markAllRead: protectedProcedure
    .input(markAllReadInputSchema)
    .mutation(({ ctx, input }) => ctx.services.notifications.markAllRead(ctx.user.id, input)),

  archive: protectedProcedure
    .input(notificationIdInputSchema)
    .mutation(({ ctx, input }) => ctx.services.notifications.archive(ctx.user.id, input.id)),

  unarchive: protectedProcedure
    .input(notificationIdInputSchema)
    .mutation(({ ctx, input }) => ctx.services.notifications.unarchive(ctx.user.id, input.id)),

  archiveAllRead: protectedProcedure.mutation(({ ctx }) =>
    ctx.services.notifications.archiveAllRead(ctx.user.id),
  ),

  // Through the snooze service, which keeps the wake-up job of every snooze.
  snooze: protectedProcedure
    .input(snoozeInputSchema)
    .mutation(({ ctx, input }) => ctx.services.snoozes.snooze(ctx.user.id, input)),

  unsnooze: protectedProcedure
    .input(notificationIdInputSchema)
    .mutation(({ ctx, input }) => ctx.services.snoozes.unsnooze(ctx.user.id, input.id)),

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
