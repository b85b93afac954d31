import { once } from 'node:events';
import { request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import type { AnyTRPCRouter, inferRouterContext } from '@trpc/server';
import { fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { sendPlainError } from '../src/app';
import { refuseNonJsonPost } from '../src/trpc-http/json-only';
import { registerTrpcHttp, type TrpcHttpOptions } from '../src/trpc-http/register';

export interface Exchange {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Raw HTTP, so the path, Host and body bytes are exactly what the case says. */
export async function send(base: string, { method, path, headers = {}, body }: Exchange) {
  const { hostname, port } = new URL(base);
  const length = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) };
  const req = request({ host: hostname, port, method, path, headers: { ...length, ...headers } });
  req.end(body);
  const [res] = (await once(req, 'response')) as [IncomingMessage];
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  const answer: Answer = {
    status: res.statusCode ?? 0,
    headers: res.headers,
    body: Buffer.concat(chunks).toString('utf8'),
  };
  return answer;
}

const FRAMING = new Set([
  'date',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
]);

const sameCookie = (cookie: string) =>
  cookie
    .replace(/^acme_session=[^;]+/, 'acme_session=<token>')
    .replace(/Expires=(?!Thu, 01 Jan 1970)[^;]+/, 'Expires=<time>');

/**
 * An answer without what legitimately differs: framing (the lean path sends a length, tRPC's
 * streams its Response), the rate limiter's headers, and a new session token's value.
 */
export function comparable({ status, headers, body }: Answer) {
  const kept = Object.entries(headers).filter(
    ([name]) => !FRAMING.has(name) && !name.startsWith('x-ratelimit'),
  );
  const normalised = kept.map(([name, value]) => [
    name,
    name === 'set-cookie' && Array.isArray(value) ? value.map(sameCookie) : value,
  ]);
  return { status, headers: Object.fromEntries(normalised) as Record<string, unknown>, body };
}

export interface Recording {
  /** onError's arguments, as comparable values. */
  errors: unknown[];
  contexts: number;
}

/** Options for either handler that record every onError and createContext call. */
export function recordingOptions<TRouter extends AnyTRPCRouter>(
  router: TRouter,
  createContext: (req: FastifyRequest, res: FastifyReply) => Promise<inferRouterContext<TRouter>>,
  describeCtx: (ctx: inferRouterContext<TRouter>) => unknown,
) {
  const recording: Recording = { errors: [], contexts: 0 };
  const options: TrpcHttpOptions<TRouter> = {
    router,
    createContext: ({ req, res }) => {
      recording.contexts += 1;
      return createContext(req, res);
    },
    onError: ({ error, path, input, ctx, type, req }) => {
      recording.errors.push({
        code: error.code,
        message: error.message,
        cause: error.cause?.name,
        path,
        input,
        type,
        ctx: ctx === undefined ? 'none' : describeCtx(ctx),
        url: req.url,
      });
    },
  };
  return { options, recording };
}

type Mount = (scope: FastifyInstance) => Promise<void> | void;

/** A Fastify app shaped like the server's tRPC scope, with one of the two handlers. */
async function trpcApp(mount: Mount) {
  const app = Fastify();
  await app.register(fastifyCookie);
  await app.register(async (scope) => {
    scope.addHook('onRequest', refuseNonJsonPost);
    await mount(scope);
  });
  app.setErrorHandler(sendPlainError);
  return { url: await app.listen({ host: '127.0.0.1', port: 0 }), close: () => app.close() };
}

export interface Served {
  url: string;
  recording: Recording;
  close(): Promise<void>;
}

export interface Pair {
  stock: Served;
  lean: Served;
  close(): Promise<void>;
}

/** tRPC's fastifyTRPCPlugin and the lean route, each in an app of its own, both recording. */
export async function startPair<TRouter extends AnyTRPCRouter>(
  router: TRouter,
  createContext: (req: FastifyRequest, res: FastifyReply) => Promise<inferRouterContext<TRouter>>,
  describeCtx: (ctx: inferRouterContext<TRouter>) => unknown,
): Promise<Pair> {
  const start = async (mount: (options: TrpcHttpOptions<TRouter>) => Mount): Promise<Served> => {
    const { options, recording } = recordingOptions(router, createContext, describeCtx);
    return { ...(await trpcApp(mount(options))), recording };
  };
  const stock = await start((options) => async (scope) => {
    await scope.register(fastifyTRPCPlugin, { prefix: '/trpc', trpcOptions: options });
  });
  const lean = await start((options) => (scope) => {
    registerTrpcHttp(scope, options);
  });
  return {
    stock,
    lean,
    close: async () => {
      await Promise.all([stock.close(), lean.close()]);
    },
  };
}

/** Sends the exchange to both; their answers and what each recorded meanwhile. */
export async function sendToBoth(pair: Pair, exchange: Exchange) {
  const mark = ({ recording }: Served) => {
    const { errors, contexts } = recording;
    const [errorsBefore, contextsBefore] = [errors.length, contexts];
    return () => ({
      errors: recording.errors.slice(errorsBefore),
      contexts: recording.contexts - contextsBefore,
    });
  };
  const [stockSince, leanSince] = [mark(pair.stock), mark(pair.lean)];
  const expected = await send(pair.stock.url, exchange);
  const answer = await send(pair.lean.url, exchange);
  return { expected, answer, stock: stockSince(), lean: leanSince() };
}
