import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { TRPCError } from '@trpc/server';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { appRouter, createContextFactory, type AppRouter, type Services } from '@acme/api';
import { registerCompatSseRoutes } from './compat/sse-routes';
import { registerTokenRoute } from './compat/token-route';
import type { Logger } from './logger';
import { toRequestInfo } from './request-info';
import { registerSubscriptionRoute } from './sse/subscription-route';

export interface AppOptions {
  services: Services;
  logger: Logger;
  /** The built SPA (apps/web/dist); skipped when absent. */
  webDist: string | null;
  trustProxy: boolean;
  /** Requests per minute per IP; 0 disables the limit. */
  rateLimitPerMinute: number;
}

const JSON_TYPE = /^application\/json\s*(;|$)/i;

export async function buildApp({
  services,
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
    redis: services.redis,
    nameSpace: 'rl:http:',
    skipOnError: true,
  });

  app.get('/healthz', async (_req, reply) => {
    const redisOk = await services.redis.ping().then(
      () => true,
      () => false,
    );
    return reply.code(redisOk ? 200 : 503).send({ ok: redisOk, redis: redisOk ? 'up' : 'down' });
  });

  const createContext = createContextFactory(services);
  const onError = (error: TRPCError, path?: string) => {
    if (error.code === 'INTERNAL_SERVER_ERROR') logger.error({ err: error, path }, 'tRPC error');
  };
  // A static route: it takes precedence over the plugin's `/trpc/:path`.
  registerSubscriptionRoute(app, { createContext, onError });
  await app.register(async (scope) => {
    // CSRF: tRPC would take multipart/form-data as a mutation input, and a cross-site HTML
    // form can send that with the user's cookie. Only JSON bodies are accepted.
    scope.addHook('onRequest', async (req, reply) => {
      if (req.method === 'POST' && !JSON_TYPE.test(req.headers['content-type'] ?? '')) {
        return reply.code(415).send({
          error: {
            message: 'POST requests must be application/json',
            code: -32600,
            data: { code: 'UNSUPPORTED_MEDIA_TYPE', httpStatus: 415 },
          },
        });
      }
      return undefined;
    });
    await scope.register(fastifyTRPCPlugin, {
      prefix: '/trpc',
      trpcOptions: {
        router: appRouter,
        createContext: ({ req, res }) => createContext(toRequestInfo(req, res)),
        onError: ({ error, path }) => {
          onError(error, path);
        },
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>);
  });

  registerCompatSseRoutes(app, { createContext });
  registerTokenRoute(app, { createContext });

  if (webDist && existsSync(webDist)) {
    await app.register(fastifyStatic, { root: webDist, wildcard: true, index: 'index.html' });
    // Client-side routes fall back to the SPA; API paths keep their 404s.
    app.setNotFoundHandler((req, reply) => {
      const apiPath = /^\/(trpc|api|healthz)(\/|$)/.test(req.url);
      if (req.method === 'GET' && !apiPath && req.headers.accept?.includes('text/html')) {
        return reply.type('text/html').sendFile('index.html');
      }
      return reply.code(404).send({ error: 'Not found' });
    });
  }

  return app;
}
