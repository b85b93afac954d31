import { updatePreferencesInputSchema } from '@acme/contracts';
import { protectedProcedure, router } from '../trpc';

export const preferencesRouter = router({
  get: protectedProcedure.query(({ ctx }) =>
    ctx.services.notifications.getPreferences(ctx.user.id),
  ),

  update: protectedProcedure
    .input(updatePreferencesInputSchema)
    .mutation(({ ctx, input }) => ctx.services.notifications.updatePreferences(ctx.user.id, input)),
});
