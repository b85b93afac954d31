import { log } from '../log';
import type { OneUserResult } from '../protocol';
import { median, overStreams } from '../stats';
import type { Rep } from './context';
import { keys, openSpecs, streamSpec } from './streams';

/**
 * Fan-out to one user: `oneUserStreams` open streams of ONE user (the same token), then
 * `oneUserEvents` notifications for that user, one at a time, each waited for on every
 * stream (src/load/one-user.ts). Runs after the ramp's streams are closed.
 */
export async function measureOneUser(r: Rep): Promise<void> {
  const { ctx, server } = r;
  const s = ctx.settings;
  const user = streamSpec(ctx, 0);
  const o = await openSpecs(
    ctx,
    server,
    keys(s.oneUserStreams).map((key) => ({ ...user, key })),
  );
  log(`  ${r.spec.name}: ${o.opened} streams of one user open in ${o.ms.toFixed(0)} ms`);
  // Every event may take its whole timeout (a system that does not reach every stream).
  const timeoutMs = s.oneUserEvents * (s.sampleTimeoutMs + 1000);
  const result = await ctx.load.call<OneUserResult>(
    {
      op: 'oneUser',
      target: server.target,
      keys: keys(s.oneUserStreams),
      events: s.oneUserEvents,
      eventTimeoutMs: s.sampleTimeoutMs,
      timeoutMs,
    },
    timeoutMs + 30_000,
  );
  r.result.oneUser = result;
  const per = result.events.map((e) => overStreams(e.latencies, result.streams));
  const complete = result.events.filter((e) => e.latencies.length === result.streams).length;
  const errors = result.events.filter((e) => e.error).length;
  log(
    `  ${r.spec.name}: one user, ${result.streams} streams: p50 ` +
      `${median(per.map((q) => q.p50)).toFixed(2)} p99 ${median(per.map((q) => q.p99)).toFixed(2)} ` +
      `last ${median(per.map((q) => q.max)).toFixed(2)} ms (medians of ${result.events.length} ` +
      `events; ${complete} reached every stream, ${errors} errors)`,
  );
}
