import { TRPCError } from '@trpc/server';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { onEventInputSchema } from '@acme/contracts';
import {
  appRouter,
  openEventStream,
  type Context,
  type OnEventInput,
  type RequestInfo,
} from '@acme/api';
import { toRequestInfo } from '../request-info';
import { ON_EVENT_PATH } from './on-event';
import { readSseConfig } from './router-sse-config';
import { writeSseStream } from './stream-writer';
import { createTrpcDialect, type TrpcCall } from './trpc-dialect';

const querySchema = z.object({
  input: z.string().max(4096).optional(),
  lastEventId: z.string().max(64).optional(),
  'Last-Event-Id': z.string().max(64).optional(),
});

/** The procedure's input as tRPC's HTTP handler builds it: `?input=` plus the resume id. */
function readInput(query: unknown, lastEventIdHeader: string | undefined): OnEventInput {
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

export interface SubscriptionRouteOptions {
  createContext(req: RequestInfo): Promise<Context>;
  onError: (error: TRPCError, path: string) => void;
}

/**
 * A lean SSE transport for the one long-lived procedure. tRPC's own handler turns every
 * stream into a fetch Request, web streams, generators and a ping timer each (~90 KB per
 * open stream); this serves the same procedure's stream (`openEventStream`: its auth check,
 * resume, expiry and shutdown) pushed straight to the socket in tRPC's wire format, with the
 * router's `sse` settings and transformer and one shared ping timer.
 */
export function registerSubscriptionRoute(app: FastifyInstance, opts: SubscriptionRouteOptions) {
  const dialect = createTrpcDialect(readSseConfig(appRouter), {
    path: ON_EVENT_PATH,
    onError: opts.onError,
  });
  app.get(`/trpc/${ON_EVENT_PATH}`, (req, reply) => {
    reply.hijack();
    const call: TrpcCall = { ctx: undefined };
    writeSseStream({
      res: reply.raw,
      dialect,
      resumeId: null,
      call,
      async open(sink) {
        const header = req.headers['last-event-id'];
        const input = readInput(req.query, typeof header === 'string' ? header : undefined);
        const ctx = await opts.createContext(toRequestInfo(req, reply));
        call.ctx = ctx;
        return openEventStream(ctx, input, sink);
      },
    });
  });
}
