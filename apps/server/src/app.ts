import { existsSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { TRPCError } from '@trpc/server';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { redisHealth, type RedisClient } from '@acme/redis';
import { appRouter, createContextFactory, logProcedureError } from '@acme/api';
import type { Services } from '@acme/domain';
import { registerCompatSseRoutes } from './compat/sse-routes';
import { registerTokenRoute } from './compat/token-route';
import type { Logger } from './logger';
import { toRequestInfo } from './request-info';
import { registerSubscriptionRoute } from './sse/subscription-route';
import { refuseNonJsonPost } from './trpc-http/json-only';
import { registerTrpcHttp } from './trpc-http/register';

export interface AppOptions {
  services: Services;
  /** The command connection, for the health check and the HTTP rate limit. */
  redis: RedisClient;
  logger: Logger;
  /** The built SPA (apps/web/dist); skipped when absent. */
  webDist: string | null;
  trustProxy: boolean;
  /** Requests per minute per IP; 0 disables the limit. */
  rateLimitPerMinute: number;
}

export async function buildApp({
  services,
  redis,
  logger,
  webDist,
  trustProxy,
  rateLimitPerMinute,
}: AppOptions) {
  // Typed with Fastify's base logger so plugins and route modules take the plain instance type.
  const baseLogger: FastifyBaseLogger = logger;
  const app = Fastify({
    loggerInstance: baseLogger,
    trustProxy,
    forceCloseConnections: 'idle',
  });

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: rateLimitPerMinute > 0,
    max: rateLimitPerMinute,
    timeWindow: '1 minute',
    redis,
    nameSpace: 'rl:http:',
    skipOnError: true,
  });

  // On a cluster, "up" means every slot is served: otherwise some users cannot be.
  app.get('/healthz', async (_req, reply) => {
    const health = await redisHealth(redis);
    return reply.code(health.ok ? 200 : 503).send(health);
  });

  const createContext = createContextFactory(services);
  const onError = (error: TRPCError, path?: string) => {
    logProcedureError(logger, { error, path });
  };
  // A static route: it takes precedence over `/trpc/:path`.
  registerSubscriptionRoute(app, { createContext, onError });
  await app.register((scope, _opts, done) => {
    scope.addHook('onRequest', refuseNonJsonPost);
    registerTrpcHttp(scope, {
      router: appRouter,
      createContext: ({ req, res }) => createContext(toRequestInfo(req, res)),
      onError: ({ error, path }) => {
        onError(error, path);
      },
    });
    done();
  });

  registerCompatSseRoutes(app, {
    createContext,
    onError: (error) => {
      onError(error, 'notifications.onEvent');
    },
  });
  registerTokenRoute(app, { createContext });

  const spaRoot = webDist !== null && existsSync(webDist) ? webDist : null;
  if (spaRoot) {
    await app.register(fastifyStatic, { root: spaRoot, wildcard: true, index: 'index.html' });
  }
  // Client-side routes fall back to the SPA; API paths keep their 404s.
  app.setNotFoundHandler((req, reply) => {
    const apiPath = /^\/(trpc|api|healthz)(\/|$)/.test(req.url);
    if (spaRoot && req.method === 'GET' && !apiPath && req.headers.accept?.includes('text/html')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.code(404).send({ error: 'Not found' });
  });
  app.setErrorHandler(sendPlainError);

  return app;
}

/**
 * Errors outside tRPC (body parsing, rate limits, the plain routes) in Fastify's own shape,
 * but a 500 never carries the error's message or stack: those go to the log only.
 */
export function sendPlainError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const status = err.statusCode !== undefined && err.statusCode < 500 ? err.statusCode : 500;
  if (status >= 500) req.log.error({ err }, 'request failed');
  else req.log.info({ code: err.code, message: err.message }, 'request refused');
  return reply.code(status).send({
    statusCode: status,
    error: STATUS_CODES[status] ?? 'Error',
    message: status >= 500 ? 'Something went wrong on our side' : err.message,
  });
}
