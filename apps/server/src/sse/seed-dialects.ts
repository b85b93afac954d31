import type { TRPCError } from '@trpc/server';
import type { Notification } from '@acme/contracts';
import { toSeedNotification } from '../compat/seed-format';
import { encodeOnce } from './frame-cache';
import { sharedHeartbeat } from './heartbeat';
import type { SseDialect } from './stream-writer';

/** What one seed dialect writes; the lifecycle around it is shared. */
interface SeedFrames {
  heartbeatMs: number;
  connected: (id: string) => string;
  notification: (id: string, n: Notification) => string;
  ping: (id: string) => string;
  error: (id: string, message: string) => string;
}

const frame = (fields: { event?: string; id?: string; data: unknown }) =>
  (fields.event ? `event: ${fields.event}\n` : '') +
  (fields.id ? `id: ${fields.id}\n` : '') +
  `data: ${JSON.stringify(fields.data)}\n\n`;

const HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
};

/** What a seed stream needs from its route: where to report how the procedure ended it. */
export interface SeedCall {
  onError: (error: TRPCError) => void;
}

/**
 * The seed clients' words for how the procedure ended a stream. Its own ends (session
 * expiry, shutdown) are TRPCErrors without a cause; anything caused by a failure underneath
 * (a slow consumer, Redis), whatever code it maps to, is an interruption. Every end goes to
 * the server's one logging policy.
 */
function endMessage(error: TRPCError, { onError }: SeedCall): string {
  onError(error);
  if (error.cause === undefined && error.code === 'UNAUTHORIZED') return 'Token expired';
  if (error.cause === undefined && error.code === 'SERVICE_UNAVAILABLE') {
    return 'Server is restarting';
  }
  return 'Stream interrupted';
}

function seedDialect(frames: SeedFrames): SseDialect<SeedCall> {
  return {
    headers: HEADERS,
    heartbeat: sharedHeartbeat(frames.heartbeatMs),
    // A fresh stream's first event is the store's initial sync.reset, sent once it is
    // subscribed and carrying the stream head: `connected` goes out then, with that id, so
    // a reconnect replays exactly what followed.
    connectsOnFirstEvent: true,
    connected: (id) => `retry: 3000\n${frames.connected(id)}`,
    ping: frames.ping,
    // Old clients only know new notifications; other events just move the resume point.
    value: encodeOnce(({ id, event }) =>
      event.kind === 'notification.created' ? frames.notification(id, event.notification) : null,
    ),
    // The procedure ends by itself only when its client has gone; were it to end with the
    // client still there, the server would be going away.
    returned: (id) => frames.error(id, 'Server is restarting'),
    failed: (error, id, call) => frames.error(id, endMessage(error, call)),
  };
}

/** Seed 001: the DRF endpoint with named events. */
export const namedEvents = seedDialect({
  heartbeatMs: 30_000,
  connected: (id) =>
    frame({ event: 'connected', id, data: { message: 'Connected to notification stream' } }),
  notification: (id, n) => frame({ event: 'notification', id, data: toSeedNotification(n) }),
  ping: (id) => frame({ event: 'ping', id, data: { timestamp: new Date().toISOString() } }),
  error: (id, message) => frame({ event: 'error', id, data: { error: message } }),
});

/** Seed 000: the Django view with unnamed `data:` events and a `data: {}` heartbeat. */
export const unnamedEvents = seedDialect({
  heartbeatMs: 10_000,
  connected: (id) => frame({ id, data: { message: 'SSE connection established' } }),
  notification: (id, n) => frame({ id, data: toSeedNotification(n) }),
  ping: () => 'data: {}\n\n',
  error: (id, message) => frame({ id, data: { error: message } }),
});
