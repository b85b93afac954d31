import type { TRPCError } from '@trpc/server';
import { encodeOnce } from './frame-cache';
import { sharedHeartbeat, type Heartbeat } from './heartbeat';
import type { TrpcSseConfig } from './router-sse-config';
import type { SseDialect } from './stream-writer';

/** tRPC's SSE response headers (its `sseHeaders`). */
export const TRPC_SSE_HEADERS = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
  connection: 'keep-alive',
} as const;

/** What a tRPC stream knows about its call: the context, once created. */
export interface TrpcCall {
  ctx: unknown;
}

// tRPC's framing: `event:`, `data:`, `id:` lines, then "\n\n" (so every event ends in "\n\n\n").
const frame = (event: string | null, data: string, id?: string) =>
  (event === null ? '' : `event: ${event}\n`) +
  `data: ${data}\n` +
  (id === undefined ? '' : `id: ${id}\n`) +
  '\n\n';

export interface TrpcDialectOptions {
  /** The procedure's path, for error shapes and `onError`. */
  path: string;
  onError: (error: TRPCError, path: string) => void;
  /** Defaults to the process's shared heartbeat at the router's ping interval. */
  heartbeat?: Heartbeat | null;
}

/**
 * tRPC's SSE wire format, byte for byte as its `sseStreamProducer` writes it (pinned by
 * test/trpc-conformance.test.ts), so `httpSubscriptionLink` cannot tell the difference.
 */
export function createTrpcDialect(
  config: TrpcSseConfig,
  opts: TrpcDialectOptions,
): SseDialect<TrpcCall> {
  const connected = frame('connected', JSON.stringify(config.client));
  const ping = frame('ping', '');
  const returned = frame('return', '');
  // A tracked() value: its data is the event, its id the stream id.
  const value = encodeOnce(({ id, event }) =>
    frame(null, JSON.stringify(config.serialize(event)), id),
  );
  const heartbeat =
    opts.heartbeat !== undefined
      ? opts.heartbeat
      : config.pingMs === null
        ? null
        : sharedHeartbeat(config.pingMs);
  return {
    headers: TRPC_SSE_HEADERS,
    heartbeat,
    connectsOnFirstEvent: false,
    connected: () => connected,
    ping: () => ping,
    value,
    returned: () => returned,
    failed(error, _lastId, { ctx }) {
      opts.onError(error, opts.path);
      const shape = config.errorShape(error, opts.path, ctx);
      return frame('serialized-error', JSON.stringify(config.serialize(shape)));
    },
  };
}
