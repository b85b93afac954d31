import { initTRPC, TRPCError } from '@trpc/server';
import type { Context } from './context';
import { asAppError, formatError, toTRPCError } from './errors';

/** The server pings idle streams; the browser reconnects if it hears nothing for longer. */
export const SSE_PING_MS = 10_000;
export const SSE_RECONNECT_AFTER_INACTIVITY_MS = 25_000;

const t = initTRPC.context<Context>().create({
  sse: {
    ping: { enabled: true, intervalMs: SSE_PING_MS },
    client: { reconnectAfterInactivityMs: SSE_RECONNECT_AFTER_INACTIVITY_MS },
  },
  errorFormatter: formatError,
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Every procedure's failure passes through the one mapping (AppError → its tRPC code). */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && asAppError(result.error.cause)) throw toTRPCError(result.error.cause);
  return result;
});

function isCrossSite(ctx: Context): boolean {
  const { origin, secFetchSite, selfOrigin } = ctx.req;
  if (origin) return origin !== selfOrigin && !ctx.services.config.allowedOrigins.includes(origin);
  if (secFetchSite) return secFetchSite !== 'same-origin' && secFetchSite !== 'none';
  return false; // not a browser: nothing to forge
}

/**
 * CSRF: a browser attaches the session cookie to cross-site requests, so every mutation not
 * authenticated by a Bearer header must come from an allowed origin. (The server also refuses
 * POST bodies that are not application/json, which closes the multipart/form-data hole.)
 */
const csrfGuard = t.middleware(({ ctx, type, next }) => {
  if (type === 'mutation' && ctx.session?.source !== 'bearer' && isCrossSite(ctx)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Cross-site request refused' });
  }
  return next();
});

export const publicProcedure = t.procedure.use(mapErrors).use(csrfGuard);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user || !ctx.session) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue' });
  }
  return next({ ctx: { ...ctx, user: ctx.user, session: ctx.session } });
});

export const managerProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== 'manager') {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Only managers can do this' });
  }
  return next();
});
