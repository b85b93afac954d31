import type { AnyTRPCRouter } from '@trpc/server';
import { fastifyRequestHandler } from '@trpc/server/adapters/fastify';
import type { FastifyInstance } from 'fastify';
import { readLeanRequest, TRPC_PREFIX } from './read-request';
import { resolveLean, type TrpcHttpOptions } from './resolve';

export type { TrpcHttpOptions } from './resolve';

/**
 * `/trpc/:path` as fastifyTRPCPlugin serves it, but a plain JSON query or mutation is
 * answered here without a fetch Request, Response, Headers or AbortSignals; everything else
 * (HEAD, streaming, subscriptions, other content types) goes to tRPC's handler unchanged.
 */
export function registerTrpcHttp<TRouter extends AnyTRPCRouter>(
  scope: FastifyInstance,
  opts: TrpcHttpOptions<TRouter>,
) {
  // The plugin's parsers: tRPC parses JSON itself, and reads multipart/form-data as a stream.
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    done(null, body);
  });
  scope.removeContentTypeParser('multipart/form-data');
  scope.addContentTypeParser('multipart/form-data', {}, (_req, payload, done) => {
    done(null, payload);
  });

  scope.all<{ Params: { path: string } }>(`${TRPC_PREFIX}:path`, async (req, reply) => {
    const { path } = req.params;
    const request = await readLeanRequest(opts.router, req, path);
    if (!request) {
      await fastifyRequestHandler({ ...opts, req, res: reply, path });
      return undefined;
    }
    const { status, contentType, body } = await resolveLean(opts, request, req, reply);
    // A Buffer, so Fastify adds no `; charset=utf-8` to tRPC's content type.
    return reply
      .code(status)
      .header('vary', 'trpc-accept, accept')
      .header('content-type', contentType)
      .send(Buffer.from(body));
  });
}
