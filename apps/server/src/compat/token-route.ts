import { TRPCError } from '@trpc/server';
import type { FastifyInstance } from 'fastify';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { z } from 'zod';
import { createCaller, type Context, type RequestInfo } from '@acme/api';
import { toRequestInfo } from '../request-info';

const bodySchema = z
  .object({ email: z.string().optional(), username: z.string().optional(), password: z.string() })
  .refine((b) => b.email ?? b.username, { message: 'email or username is required' });

/**
 * `POST /api/token/` as the old djangorestframework-simplejwt endpoint answered it:
 * `{ "access": "<jwt>" }`. It calls `auth.createToken`, so limits and checks are the same.
 */
export function registerTokenRoute(
  app: FastifyInstance,
  opts: { createContext(req: RequestInfo): Promise<Context> },
) {
  app.post('/api/token/', async (req, reply) => {
    const body = bodySchema.safeParse(req.body);
    if (!body.success)
      return reply.code(400).send({ detail: 'Invalid data', issues: body.error.issues });
    const ctx = await opts.createContext(toRequestInfo(req, reply));
    try {
      const { accessToken, expiresAt } = await createCaller(ctx).auth.createToken({
        email: body.data.email ?? body.data.username ?? '',
        password: body.data.password,
      });
      return { access: accessToken, expires_at: expiresAt };
    } catch (err) {
      if (!(err instanceof TRPCError)) throw err;
      const status = getHTTPStatusCodeFromError(err);
      const detail =
        err.code === 'UNAUTHORIZED'
          ? 'No active account found with the given credentials'
          : err.message;
      return reply.code(status).send({ detail });
    }
  });
}
