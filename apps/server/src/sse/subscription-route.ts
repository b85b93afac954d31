import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import {
  getTRPCErrorFromUnknown,
  getTRPCErrorShape,
  isTrackedEnvelope,
  TRPCError,
} from '@trpc/server';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { onEventInputSchema } from '@acme/contracts';
import {
  appRouter,
  createCaller,
  SSE_PING_MS,
  SSE_RECONNECT_AFTER_INACTIVITY_MS,
  type Context,
  type RequestInfo,
} from '@acme/api';
import { toRequestInfo } from '../request-info';
import { createHeartbeat } from './heartbeat';

export const ON_EVENT_PATH = '/trpc/notifications.onEvent';

// tRPC's wire format, byte for byte: every event ends in "\n\n\n".
const CONNECTED = `event: connected\ndata: ${JSON.stringify({
  reconnectAfterInactivityMs: SSE_RECONNECT_AFTER_INACTIVITY_MS,
})}\n\n\n`;
const PING = 'event: ping\ndata: \n\n\n';
const RETURN = 'event: return\ndata: \n\n\n';
const HEADERS = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
  connection: 'keep-alive',
};

const querySchema = z.object({
  input: z.string().max(4096).optional(),
  lastEventId: z.string().max(64).optional(),
  'Last-Event-Id': z.string().max(64).optional(),
});

type Input = z.infer<typeof onEventInputSchema>;

/** The procedure's input as tRPC's HTTP handler builds it: `?input=` plus the resume id. */
function readInput(query: unknown, lastEventIdHeader: string | undefined): Input {
  const parsed = querySchema.safeParse(query);
  if (!parsed.success) throw new TRPCError({ code: 'BAD_REQUEST', cause: parsed.error });
  const { input: json, lastEventId, 'Last-Event-Id': legacyId } = parsed.data;
  let raw: unknown;
  try {
    raw = json === undefined ? undefined : JSON.parse(json);
  } catch (cause) {
    throw new TRPCError({ code: 'PARSE_ERROR', message: 'Unable to parse input', cause });
  }
  const resumeId = lastEventIdHeader ?? lastEventId ?? legacyId;
  if (resumeId && (raw === undefined || raw === null)) raw = { lastEventId: resumeId };
  else if (resumeId && typeof raw === 'object' && !Array.isArray(raw))
    raw = { ...raw, lastEventId: resumeId };
  const input = onEventInputSchema.safeParse(raw);
  if (!input.success) throw new TRPCError({ code: 'BAD_REQUEST', cause: input.error });
  return input.data;
}

async function write(res: ServerResponse, chunk: string, signal: AbortSignal) {
  if (!res.write(chunk)) await once(res, 'drain', { signal });
}

export interface SubscriptionRouteOptions {
  createContext(req: RequestInfo): Promise<Context>;
  onError(error: TRPCError): void;
}

/**
 * A lean SSE transport for the one long-lived procedure. tRPC's own handler turns every
 * stream into a fetch Request, web streams and a ping timer each (~90 KB per open stream);
 * this drives the same procedure through `createCaller` (its auth, validation and types stay
 * in the router) and writes tRPC's wire format straight to the socket, with one shared ping
 * timer. `httpSubscriptionLink` cannot tell the difference.
 */
export function registerSubscriptionRoute(app: FastifyInstance, opts: SubscriptionRouteOptions) {
  const heartbeat = createHeartbeat(SSE_PING_MS);
  app.get(ON_EVENT_PATH, async (req, reply) => {
    const res = reply.raw;
    const gone = new AbortController();
    res.once('close', () => {
      gone.abort();
    });
    reply.hijack();
    res.writeHead(200, HEADERS);
    res.write(CONNECTED);
    const stopBeat = heartbeat.add(() => res.write(PING));
    let ctx: Context | undefined;
    try {
      const header = req.headers['last-event-id'];
      const input = readInput(req.query, typeof header === 'string' ? header : undefined);
      ctx = await opts.createContext(toRequestInfo(req, reply));
      const caller = createCaller(ctx, { signal: gone.signal });
      for await (const value of await caller.notifications.onEvent(input)) {
        const chunk = isTrackedEnvelope(value)
          ? `data: ${JSON.stringify(value[1])}\nid: ${value[0]}\n\n\n`
          : `data: ${JSON.stringify(value)}\n\n\n`;
        await write(res, chunk, gone.signal);
      }
      if (!gone.signal.aborted) res.write(RETURN);
    } catch (cause) {
      if (!gone.signal.aborted) {
        const error = getTRPCErrorFromUnknown(cause);
        opts.onError(error);
        const shape = getTRPCErrorShape({
          config: appRouter._def._config,
          ctx,
          error,
          input: undefined,
          path: 'notifications.onEvent',
          type: 'subscription',
        });
        res.write(`event: serialized-error\ndata: ${JSON.stringify(shape)}\n\n\n`);
      }
    } finally {
      stopBeat();
      res.end();
    }
  });
}
