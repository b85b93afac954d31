import { TRPCError } from '@trpc/server';
import type { z } from 'zod';
import type { onEventInputSchema } from '@acme/contracts';
import type { PushSink, PushSource, StreamItem } from '@acme/notifications';
import type { Context } from './context';
import { toTRPCError } from './errors';

/** Timers cannot wait longer than this; longer sessions are re-checked on reconnect. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export type OnEventInput = z.output<typeof onEventInputSchema>;

/**
 * `notifications.onEvent` as a push source: the signed-in user's events, resumed after
 * `input.lastEventId`. The stream ends with UNAUTHORIZED when the session expires, with
 * SERVICE_UNAVAILABLE (which clients retry) when the server shuts down, and with the one
 * error mapping for its own failures (a slow consumer, Redis). The procedure reads it
 * through `pull`; the server's SSE routes take it pushed, straight to the socket.
 */
export function openEventStream(
  ctx: Context,
  input: OnEventInput,
  sink: PushSink<StreamItem>,
): PushSource {
  const { user, session } = ctx;
  if (!user || !session)
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue' });
  let ended = false;
  const end = (error: TRPCError) => {
    if (ended) return;
    ended = true;
    clearTimeout(expiry);
    sink.end(error);
  };
  const following = ctx.services.notifications.follow(user.id, input?.lastEventId ?? null, {
    write: (item) => sink.write(item),
    end(error) {
      end(
        error === null
          ? new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'Server is restarting' })
          : toTRPCError(error),
      );
    },
  });
  // One plain timer per stream: AbortSignal.timeout + AbortSignal.any cost several times the
  // memory, and 10,000 idle streams multiply it.
  const expiry = setTimeout(
    () => {
      following.stop();
      end(new TRPCError({ code: 'UNAUTHORIZED', message: 'Session expired' }));
    },
    Math.min(MAX_TIMER_MS, Math.max(0, session.expiresAt - Date.now())),
  );
  return {
    resume: () => {
      following.resume();
    },
    stop() {
      ended = true;
      clearTimeout(expiry);
      following.stop();
    },
  };
}
