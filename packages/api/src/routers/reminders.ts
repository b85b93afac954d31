import {
  cancelReminderInputSchema,
  listRemindersInputSchema,
  scheduleReminderInputSchema,
} from '@acme/contracts';
import { protectedProcedure, router } from '../trpc';

export const remindersRouter = router({
  schedule: protectedProcedure
    .input(scheduleReminderInputSchema)
    .mutation(({ ctx, input }) => ctx.services.reminders.schedule(ctx.user, input)),

  cancel: protectedProcedure
    .input(cancelReminderInputSchema)
    .mutation(({ ctx, input }) => ctx.services.reminders.cancel(ctx.user, input)),

  list: protectedProcedure
    .input(listRemindersInputSchema)
    .query(({ ctx, input }) => ctx.services.reminders.list(ctx.user, input)),
});
