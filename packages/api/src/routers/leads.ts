import {
  assignLeadInputSchema,
  createLeadInputSchema,
  listLeadsInputSchema,
} from '@acme/contracts';
import { domainProcedure } from '../domain/procedure';
import { router } from '../trpc';

export const leadsRouter = router({
  create: domainProcedure
    .input(createLeadInputSchema)
    .mutation(({ ctx, input }) => ctx.services.leads.create(ctx.user, input)),

  /** Managers only, and only to sales staff; the service says which rule was broken. */
  assign: domainProcedure
    .input(assignLeadInputSchema)
    .mutation(({ ctx, input }) => ctx.services.leads.assign(ctx.user, input)),

  list: domainProcedure
    .input(listLeadsInputSchema)
    .query(({ ctx, input }) => ctx.services.leads.list(ctx.user, input)),
});
