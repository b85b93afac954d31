import {
  cancelReminderInputSchema,
  listRemindersInputSchema,
  scheduleReminderInputSchema,
} from '@acme/contracts';
import { domainProcedure } from '../domain/procedure';
import { router } from '../trpc';

export const remindersRouter = router({
  schedule: domainProcedure
    .input(scheduleReminderInputSchema)
    .mutation(({ ctx, input }) => ctx.services.reminders.schedule(ctx.user, input)),

  cancel: domainProcedure
    .input(cancelReminderInputSchema)
    .mutation(({ ctx, input }) => ctx.services.reminders.cancel(ctx.user, input)),

  list: domainProcedure
    .input(listRemindersInputSchema)
    .query(({ ctx, input }) => ctx.services.reminders.list(ctx.user, input)),
});
