// TEMPORARY stand-in for `import type { AppRouter } from '@acme/api'` while that package is
// being written. Only its type is imported (see trpc.ts), so none of this reaches the bundle.
// Delete this file once @acme/api exports AppRouter.
import { initTRPC, TRPCError } from '@trpc/server';
import { loginInputSchema, type User } from '@acme/contracts';

const t = initTRPC.create();
const unimplemented = (): never => {
  throw new TRPCError({ code: 'NOT_IMPLEMENTED' });
};

const _stubRouter = t.router({
  auth: t.router({
    login: t.procedure.input(loginInputSchema).mutation((): User => unimplemented()),
    logout: t.procedure.mutation((): { ok: true } => unimplemented()),
    me: t.procedure.query((): User => unimplemented()),
  }),
  users: t.router({
    list: t.procedure.query((): User[] => unimplemented()),
  }),
});

export type AppRouter = typeof _stubRouter;
