import {
  assignTaskInputSchema,
  createTaskInputSchema,
  listTasksInputSchema,
  updateTaskStatusInputSchema,
} from '@acme/contracts';
import { domainProcedure } from '../domain/procedure';
import { router } from '../trpc';

export const tasksRouter = router({
  create: domainProcedure
    .input(createTaskInputSchema)
    .mutation(({ ctx, input }) => ctx.services.tasks.create(ctx.user, input)),

  assign: domainProcedure
    .input(assignTaskInputSchema)
    .mutation(({ ctx, input }) => ctx.services.tasks.assign(ctx.user, input)),

  updateStatus: domainProcedure
    .input(updateTaskStatusInputSchema)
    .mutation(({ ctx, input }) => ctx.services.tasks.updateStatus(ctx.user, input)),

  list: domainProcedure
    .input(listTasksInputSchema)
    .query(({ ctx, input }) => ctx.services.tasks.list(ctx.user, input)),
});
