import type { TRPCError } from '@trpc/server';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isStreamId } from '@acme/contracts';
import { openEventStream, type Context, type RequestInfo } from '@acme/api';
import { bearerToken, toRequestInfo } from '../request-info';
import { namedEvents, unnamedEvents, type SeedCall } from '../sse/seed-dialects';
import { writeSseStream, type SseDialect } from '../sse/stream-writer';

const ROUTES: [path: string, dialect: SseDialect<SeedCall>][] = [
  ['/api/notifications/stream/', namedEvents],
  ['/api/communication/notifications/sse/', unnamedEvents],
];

const querySchema = z.object({
  token: z.string().max(4096).optional(),
  lastEventId: z.string().max(64).optional(),
});

export interface CompatOptions {
  createContext(req: RequestInfo): Promise<Context>;
  /** How a stream's failures are logged (the server's one policy). */
  onError: (error: TRPCError) => void;
}

/**
 * Plain SSE routes for clients written against the seed documents. They serve the same
 * procedure as `/trpc/notifications.onEvent` (same auth, resume, expiry and shutdown), only
 * in the seeds' dialects, and answer a missing session with a 401 before any stream starts.
 */
export function registerCompatSseRoutes(app: FastifyInstance, opts: CompatOptions) {
  for (const [path, dialect] of ROUTES) {
    app.get(path, async (req, reply) => {
      const query = querySchema.safeParse(req.query);
      if (!query.success)
        return reply.code(400).send({ error: 'Invalid query', issues: query.error.issues });
      // Old browser clients can only pass the token in the URL; it is redacted from logs.
      const info = {
        ...toRequestInfo(req, reply),
        bearerToken: bearerToken(req) ?? query.data.token ?? null,
      };
      const ctx = await opts.createContext(info);
      const lastEventId = req.headers['last-event-id'] ?? query.data.lastEventId;
      const resumeId =
        typeof lastEventId === 'string' && isStreamId(lastEventId) ? lastEventId : null;
      if (!ctx.user) {
        return reply
          .code(401)
          .send({ detail: 'Authentication credentials were not provided or are invalid.' });
      }
      reply.hijack();
      writeSseStream({
        res: reply.raw,
        dialect,
        resumeId,
        call: { onError: opts.onError },
        open: (sink) => openEventStream(ctx, { lastEventId: resumeId }, sink),
      });
      return reply;
    });
  }
}
