import {
  assignLeadInputSchema,
  createLeadInputSchema,
  listLeadsInputSchema,
} from '@acme/contracts';
import { protectedProcedure, router } from '../trpc';

export const leadsRouter = router({
  create: protectedProcedure
    .input(createLeadInputSchema)
    .mutation(({ ctx, input }) => ctx.services.leads.create(ctx.user, input)),

  /** Managers only, and only to sales staff; the service says which rule was broken. */
  assign: protectedProcedure
    .input(assignLeadInputSchema)
    .mutation(({ ctx, input }) => ctx.services.leads.assign(ctx.user, input)),

  list: protectedProcedure
    .input(listLeadsInputSchema)
    .query(({ ctx, input }) => ctx.services.leads.list(ctx.user, input)),
});
