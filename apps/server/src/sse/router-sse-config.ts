import { getTRPCErrorShape, type AnyTRPCRouter, type TRPCError } from '@trpc/server';

/** What tRPC's own SSE handler takes from `initTRPC.create({ sse, transformer, errorFormatter })`. */
export interface TrpcSseConfig {
  /** Ping interval; null when the router has pings off. */
  pingMs: number | null;
  /** Sent to the client in `connected` (e.g. `reconnectAfterInactivityMs`). */
  client: Record<string, unknown>;
  serialize(value: unknown): unknown;
  /** The router's error shape for a failed subscription, as its errorFormatter makes it. */
  errorShape(error: TRPCError, path: string, ctx: unknown): unknown;
}

/**
 * Reads a router's SSE settings, transformer and error formatting, the one place the server
 * looks into `router._def._config`. Throws for settings this transport does not implement
 * rather than ignoring them.
 */
export function readSseConfig(router: AnyTRPCRouter): TrpcSseConfig {
  const config = router._def._config;
  const sse = config.sse ?? {};
  if (sse.enabled === false) throw new Error('The router has SSE subscriptions disabled');
  if (sse.maxDurationMs !== undefined || sse.emitAndEndImmediately) {
    throw new Error('sse.maxDurationMs and sse.emitAndEndImmediately are not supported here');
  }
  const intervalMs = sse.ping?.intervalMs ?? 1000; // tRPC's default
  const pingMs =
    sse.ping?.enabled && intervalMs > 0 && Number.isFinite(intervalMs) ? intervalMs : null;
  const client = { ...sse.client };
  // The same check as tRPC's stream producer, made once instead of per stream.
  const inactivityMs = client.reconnectAfterInactivityMs;
  if (pingMs !== null && inactivityMs && pingMs > inactivityMs) {
    throw new Error(
      `Ping interval must be less than client reconnect interval to prevent unnecessary reconnection - ping.intervalMs: ${pingMs} client.reconnectAfterInactivityMs: ${inactivityMs}`,
    );
  }
  return {
    pingMs,
    client,
    serialize: (value) => config.transformer.output.serialize(value) as unknown,
    errorShape(error, path, ctx) {
      const shape: unknown = getTRPCErrorShape({
        config,
        ctx,
        error,
        input: undefined,
        path,
        type: 'subscription',
      });
      return shape;
    },
  };
}
