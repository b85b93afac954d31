import { createApproverGroupInputSchema, listApproverGroupsInputSchema } from '@acme/contracts';
import { protectedProcedure, router } from '../trpc';

export const approverGroupsRouter = router({
  create: protectedProcedure
    .input(createApproverGroupInputSchema)
    .mutation(({ ctx, input }) => ctx.services.approverGroups.create(ctx.user, input)),

  list: protectedProcedure
    .input(listApproverGroupsInputSchema)
    .query(({ ctx, input }) => ctx.services.approverGroups.list(ctx.user, input)),
});
