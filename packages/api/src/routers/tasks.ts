import {
  assignTaskInputSchema,
  createTaskInputSchema,
  listTasksInputSchema,
  updateTaskStatusInputSchema,
} from '@acme/contracts';
import { protectedProcedure, router } from '../trpc';

export const tasksRouter = router({
  create: protectedProcedure
    .input(createTaskInputSchema)
    .mutation(({ ctx, input }) => ctx.services.tasks.create(ctx.user, input)),

  assign: protectedProcedure
    .input(assignTaskInputSchema)
    .mutation(({ ctx, input }) => ctx.services.tasks.assign(ctx.user, input)),

  updateStatus: protectedProcedure
    .input(updateTaskStatusInputSchema)
    .mutation(({ ctx, input }) => ctx.services.tasks.updateStatus(ctx.user, input)),

  list: protectedProcedure
    .input(listTasksInputSchema)
    .query(({ ctx, input }) => ctx.services.tasks.list(ctx.user, input)),
});
