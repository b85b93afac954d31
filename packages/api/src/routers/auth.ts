import { TRPCError } from '@trpc/server';
import { loginInputSchema, type User } from '@acme/contracts';
import type { Context } from '../context';
import { protectedProcedure, publicProcedure, router } from '../trpc';

async function authenticate(ctx: Context, email: string, password: string): Promise<User> {
  const { loginLimiter, users } = ctx.services;
  const retryAfter = await loginLimiter.consume(email, ctx.req.ip);
  if (retryAfter > 0) {
    throw new TRPCError({
      code: 'TOO_MANY_REQUESTS',
      message: `Too many sign-in attempts. Try again in ${retryAfter > 90 ? `${Math.ceil(retryAfter / 60)} min` : `${retryAfter} s`}.`,
    });
  }
  const user = await users.authenticate(email, password);
  if (!user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Wrong email or password' });
  await loginLimiter.reset(email, ctx.req.ip);
  return user;
}

export const authRouter = router({
  login: publicProcedure.input(loginInputSchema).mutation(async ({ ctx, input }) => {
    const user = await authenticate(ctx, input.email, input.password);
    const { token, claims } = await ctx.services.tokens.sign(user.id);
    ctx.req.setSessionCookie(token, new Date(claims.expiresAt));
    return user;
  }),

  /** For non-browser clients that send `Authorization: Bearer`. */
  createToken: publicProcedure.input(loginInputSchema).mutation(async ({ ctx, input }) => {
    const user = await authenticate(ctx, input.email, input.password);
    const { token, claims } = await ctx.services.tokens.sign(user.id);
    return { accessToken: token, expiresAt: new Date(claims.expiresAt).toISOString() };
  }),

  logout: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.session)
      await ctx.services.sessions.revoke(ctx.session.sessionId, ctx.session.expiresAt);
    ctx.req.clearSessionCookie();
    return { ok: true as const };
  }),

  me: protectedProcedure.query(({ ctx }) => ctx.user),

  /**
   * Who is signed in, or null: lets a browser probe its session without a 401 in its console.
   * An expired, forged or revoked token is null too (the context resolves it so).
   */
  session: publicProcedure.query(({ ctx }): User | null => ctx.user),
});
