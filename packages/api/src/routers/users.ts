import { protectedProcedure, router } from '../trpc';

export const usersRouter = router({
  list: protectedProcedure.query(({ ctx }) => ctx.services.users.list()),
});
