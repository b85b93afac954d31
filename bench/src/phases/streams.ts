import type { OpenResult, StreamSpec } from '../protocol';
import type { RunningServer } from '../systems';
import type { Context } from './context';

export const streamSpec = (ctx: Context, key: number): StreamSpec => {
  const user = ctx.members[key];
  if (!user) throw new Error(`no bench user ${key}`);
  return { key, userId: user.id, token: user.token };
};

/** The stream keys 0 .. count-1. */
export const keys = (count: number) => Array.from({ length: count }, (_, i) => i);

/** Opens the streams of users `from` .. `to`-1 in the load process; every one must open. */
export async function openStreams(ctx: Context, server: RunningServer, from: number, to: number) {
  const streams: StreamSpec[] = [];
  for (let k = from; k < to; k += 1) streams.push(streamSpec(ctx, k));
  return openSpecs(ctx, server, streams);
}

/** Opens these streams in the load process; every one must open. */
export async function openSpecs(ctx: Context, server: RunningServer, streams: StreamSpec[]) {
  const result = await ctx.load.call<OpenResult>(
    {
      op: 'open',
      target: server.target,
      streams,
      concurrency: ctx.settings.openConcurrency,
      timeoutMs: 60_000,
    },
    180_000,
  );
  if (result.failed > 0) {
    throw new Error(`${result.failed} of ${streams.length} streams failed: ${result.firstError}`);
  }
  return result;
}
