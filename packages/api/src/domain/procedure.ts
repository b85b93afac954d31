import { TRPCError } from '@trpc/server';
import { protectedProcedure } from '../trpc';
import { DomainError } from './errors';

/**
 * The domain routers' procedure: signed in, and a DomainError thrown by a service reaches
 * the client under its own code and message instead of as an INTERNAL_SERVER_ERROR.
 */
export const domainProcedure = protectedProcedure.use(async ({ next }) => {
  const result = await next();
  const cause = result.ok ? null : result.error.cause;
  if (cause instanceof DomainError) {
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  return result;
});
