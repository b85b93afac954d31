import { createApproverGroupInputSchema, listApproverGroupsInputSchema } from '@acme/contracts';
import { domainProcedure } from '../domain/procedure';
import { router } from '../trpc';

export const approverGroupsRouter = router({
  create: domainProcedure
    .input(createApproverGroupInputSchema)
    .mutation(({ ctx, input }) => ctx.services.approverGroups.create(ctx.user, input)),

  list: domainProcedure
    .input(listApproverGroupsInputSchema)
    .query(({ ctx, input }) => ctx.services.approverGroups.list(ctx.user, input)),
});
