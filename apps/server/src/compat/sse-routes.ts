import { once } from 'node:events';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Notification } from '@acme/contracts';
import type { Context, RequestInfo } from '@acme/api';
import { bearerToken, toRequestInfo } from '../request-info';
import { createHeartbeat } from '../sse/heartbeat';
import { toSeedNotification } from './seed-format';

/** How one family of old clients expects the stream to look. */
interface Dialect {
  path: string;
  heartbeatMs: number;
  connected(id: string): string;
  notification(id: string, n: Notification): string;
  heartbeat(id: string): string;
  error(id: string, message: string): string;
}

const frame = (fields: { event?: string; id?: string; data: unknown }) =>
  (fields.event ? `event: ${fields.event}\n` : '') +
  (fields.id ? `id: ${fields.id}\n` : '') +
  `data: ${JSON.stringify(fields.data)}\n\n`;

/** Seed 001: the DRF endpoint with named events. */
const namedEvents: Dialect = {
  path: '/api/notifications/stream/',
  heartbeatMs: 30_000,
  connected: (id) =>
    frame({ event: 'connected', id, data: { message: 'Connected to notification stream' } }),
  notification: (id, n) => frame({ event: 'notification', id, data: toSeedNotification(n) }),
  heartbeat: (id) => frame({ event: 'ping', id, data: { timestamp: new Date().toISOString() } }),
  error: (id, message) => frame({ event: 'error', id, data: { error: message } }),
};

/** Seed 000: the Django view with unnamed `data:` events and a `data: {}` heartbeat. */
const unnamedEvents: Dialect = {
  path: '/api/communication/notifications/sse/',
  heartbeatMs: 10_000,
  connected: (id) => frame({ id, data: { message: 'SSE connection established' } }),
  notification: (id, n) => frame({ id, data: toSeedNotification(n) }),
  heartbeat: () => 'data: {}\n\n',
  error: (id, message) => frame({ id, data: { error: message } }),
};

const querySchema = z.object({
  token: z.string().max(4096).optional(),
  lastEventId: z.string().max(64).optional(),
});
const streamIdSchema = z.string().regex(/^\d{1,20}-\d{1,20}$/);

export interface CompatOptions {
  createContext(req: RequestInfo): Promise<Context>;
}

/**
 * Plain SSE routes for clients written against the seed documents. They are adapters over the
 * same store and bus as `notifications.onEvent`: same auth, same resume, same fan-out.
 */
export function registerCompatSseRoutes(app: FastifyInstance, opts: CompatOptions) {
  for (const dialect of [namedEvents, unnamedEvents]) {
    const heartbeat = createHeartbeat(dialect.heartbeatMs);
    app.get(dialect.path, async (req, reply) => {
      const query = querySchema.safeParse(req.query);
      if (!query.success)
        return reply.code(400).send({ error: 'Invalid query', issues: query.error.issues });
      // Old browser clients can only pass the token in the URL; it is redacted from logs.
      const info = {
        ...toRequestInfo(req, reply),
        bearerToken: bearerToken(req) ?? query.data.token ?? null,
      };
      const ctx = await opts.createContext(info);
      if (!ctx.user || !ctx.session) {
        return reply
          .code(401)
          .send({ detail: 'Authentication credentials were not provided or are invalid.' });
      }
      const lastEventIdRaw = req.headers['last-event-id'] ?? query.data.lastEventId;
      const lastEventId = streamIdSchema.safeParse(lastEventIdRaw);
      await stream(req, reply, dialect, heartbeat, {
        ctx: { ...ctx, user: ctx.user, session: ctx.session },
        lastEventId: lastEventId.success ? lastEventId.data : null,
      });
      return reply;
    });
  }
}

async function stream(
  req: FastifyRequest,
  reply: FastifyReply,
  dialect: Dialect,
  heartbeat: ReturnType<typeof createHeartbeat>,
  {
    ctx,
    lastEventId,
  }: {
    ctx: Context & { user: NonNullable<Context['user']>; session: NonNullable<Context['session']> };
    lastEventId: string | null;
  },
) {
  const { notifications } = ctx.services;
  const res = reply.raw;
  const gone = new AbortController();
  const expiry = AbortSignal.timeout(
    Math.min(2 ** 31 - 1, Math.max(0, ctx.session.expiresAt - Date.now())),
  );
  const signal = AbortSignal.any([gone.signal, expiry]);
  req.raw.once('close', () => {
    gone.abort();
  });

  reply.hijack();
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  // A fresh connection's first event is the store's initial sync.reset, sent once it is
  // subscribed and carrying the stream head: `connected` goes out then, with that id, so a
  // reconnect replays exactly what followed. A resumed connection is connected at once.
  let lastId = lastEventId ?? '';
  let stopBeat: () => void = () => undefined;
  const connect = (id: string) => {
    res.write(`retry: 3000\n${dialect.connected(id)}`);
    stopBeat = heartbeat.add(() => res.write(dialect.heartbeat(lastId)));
  };
  if (lastEventId) connect(lastEventId);
  try {
    for await (const { id, event } of notifications.events(ctx.user.id, {
      afterId: lastEventId,
      signal,
    })) {
      if (!lastId) connect(id);
      lastId = id;
      // Old clients only know new notifications; other events just move the resume point.
      if (event.kind !== 'notification.created') continue;
      if (!res.write(dialect.notification(id, event.notification))) {
        await once(res, 'drain', { signal });
      }
    }
    if (expiry.aborted) res.write(dialect.error(lastId, 'Token expired'));
    else if (!gone.signal.aborted) res.write(dialect.error(lastId, 'Server is restarting'));
  } catch (err) {
    if (!signal.aborted) {
      ctx.services.logger.warn({ err }, 'compat stream ended with an error');
      res.write(dialect.error(lastId, 'Stream interrupted'));
    }
  } finally {
    stopBeat();
    res.end();
  }
}
