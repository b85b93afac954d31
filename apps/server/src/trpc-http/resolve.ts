import { TRPCError, type AnyTRPCRouter, type inferRouterContext } from '@trpc/server';
import type { HTTPErrorHandler } from '@trpc/server/http';
import type { TRPCErrorResponse, TRPCErrorShape, TRPCResponse } from '@trpc/server/rpc';
import {
  type AnyRootTypes,
  type RootConfig,
  getErrorShape,
  getHTTPStatusCode,
  getTRPCErrorFromUnknown,
  isAsyncIterable,
  isObject,
  isPromise,
  transformTRPCResponse,
} from '@trpc/server/unstable-core-do-not-import';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LeanCall, LeanRequest } from './read-request';

export interface TrpcHttpOptions<TRouter extends AnyTRPCRouter> {
  router: TRouter;
  /** Once per request. tRPC also passes its `info`; the lean path has none to pass. */
  createContext(opts: {
    req: FastifyRequest;
    res: FastifyReply;
  }): Promise<inferRouterContext<TRouter>>;
  onError?: HTTPErrorHandler<TRouter, FastifyRequest>;
}

type CallType = 'query' | 'mutation' | 'subscription' | 'unknown';

interface Outcome {
  call: LeanCall;
  error: TRPCError | undefined;
  data: unknown;
}

const ACCEPTED_METHOD = { query: 'GET', mutation: 'POST', subscription: 'GET' } as const;

const callType = (call: LeanCall): CallType => call.procedure?._def.type ?? 'unknown';

/** resolveResponse's test for results only httpBatchStreamLink can carry. */
function isDataStream(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (isAsyncIterable(value)) return true;
  const values = Object.values(value);
  return values.some(isPromise) || values.some(isAsyncIterable);
}

/** The error of one call or of the whole request, in the router's error shape. */
function errorResponse(opts: Parameters<typeof getErrorShape>[0]): TRPCErrorResponse {
  // Typed `any` by the config; tRPC's ErrorFormatter type makes it a TRPCErrorShape.
  const shape: unknown = getErrorShape(opts);
  return { error: shape as TRPCErrorShape };
}

const streamError = () =>
  new TRPCError({
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Cannot use stream-like response in non-streaming request - use httpBatchStreamLink',
  });

/**
 * resolveResponse for a JSON query or mutation, single or batched: the same checks in the
 * same order, the same onError calls and error shapes, the status and the JSON body.
 */
export async function resolveLean<TRouter extends AnyTRPCRouter>(
  opts: TrpcHttpOptions<TRouter>,
  request: LeanRequest,
  req: FastifyRequest,
  res: FastifyReply,
): Promise<{ status: number; contentType: string; body: string }> {
  // tRPC types a generic router's config with `any`s.
  const config = opts.router._def._config as RootConfig<AnyRootTypes>;
  let ctx: inferRouterContext<TRouter> | undefined;
  let ctxError: TRPCError | undefined;
  let type: CallType = 'unknown';
  // resolveResponse sets its JSON type only once the calls run; a failure before that is a
  // fetch Response of a string, which says text/plain.
  let contentType = 'text/plain;charset=UTF-8';
  const reportError = (error: TRPCError, call: LeanCall | undefined, errorType: CallType) => {
    opts.onError?.({ error, path: call?.path, input: call?.result(), ctx, type: errorType, req });
  };

  const runCall = async (call: LeanCall): Promise<Outcome> => {
    const proc = call.procedure;
    try {
      if (!proc) {
        throw new TRPCError({
          code: 'NOT_FOUND',
          message: `No procedure found on path "${call.path}"`,
        });
      }
      if (ACCEPTED_METHOD[proc._def.type] !== request.method) {
        throw new TRPCError({
          code: 'METHOD_NOT_SUPPORTED',
          message: `Unsupported ${request.method}-request to ${proc._def.type} procedure at path "${call.path}"`,
        });
      }
      if (ctxError) throw ctxError;
      // No AbortSignal: no query or mutation reads one, and one per call is what this avoids.
      const data: unknown = await proc({
        path: call.path,
        getRawInput: call.getRawInput,
        ctx,
        type: proc._def.type,
        signal: undefined,
        batchIndex: call.batchIndex,
      });
      return { call, error: undefined, data };
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause);
      reportError(error, call, callType(call));
      return { call, error, data: undefined };
    }
  };

  try {
    const types = new Set(request.calls.flatMap((call) => call.procedure?._def.type ?? []));
    if (types.size > 1) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `Cannot mix procedure types in call: ${Array.from(types).join(', ')}`,
      });
    }
    type = types.values().next().value ?? 'unknown';
    contentType = 'application/json';
    try {
      ctx = await opts.createContext({ req, res });
    } catch (cause) {
      ctxError = getTRPCErrorFromUnknown(cause);
    }
    const outcomes = await Promise.all(request.calls.map(runCall));
    const responses = outcomes.map(({ call, error, data }): TRPCResponse => {
      let failure = error;
      if (!failure && isDataStream(data)) {
        // A single call answers this as a failed request (onError without a path); a batch
        // as this call's error, without onError.
        if (!request.isBatchCall) throw streamError();
        failure = streamError();
      }
      if (!failure) return { result: { data } };
      return errorResponse({
        config,
        ctx,
        error: failure,
        input: call.result(),
        path: call.path,
        type: callType(call),
      });
    });
    const [single] = responses;
    const payload = request.isBatchCall || !single ? responses : single;
    return {
      status: getHTTPStatusCode(responses),
      contentType,
      body: JSON.stringify(transformTRPCResponse(config, payload)),
    };
  } catch (cause) {
    const error = getTRPCErrorFromUnknown(cause);
    reportError(error, undefined, type);
    const response = errorResponse({ config, ctx, error, type, path: undefined, input: undefined });
    return {
      status: getHTTPStatusCode(response),
      contentType,
      body: JSON.stringify(transformTRPCResponse(config, response)),
    };
  }
}
