import { log } from '../log';
import type { ResumeResult } from '../protocol';
import type { Rep } from './context';
import { streamSpec } from './streams';

/** A reconnect with Last-Event-ID after `resumeEvents` missed notifications. */
export async function measureResume(r: Rep): Promise<void> {
  const { ctx, server } = r;
  const s = ctx.settings;
  const result = await ctx.load.call<ResumeResult>(
    {
      op: 'resume',
      target: server.target,
      stream: streamSpec(ctx, ctx.members.length - 1),
      events: s.resumeEvents,
      concurrency: s.sendConcurrency,
      timeoutMs: s.resumeTimeoutMs,
    },
    s.resumeTimeoutMs + 120_000,
  );
  r.result.resume = result;
  log(
    `  ${r.spec.name}: resume ${result.received}/${result.events} in ${result.ms.toFixed(1)} ms` +
      (result.timedOut ? ' (timed out: extrapolated in the report)' : ''),
  );
}
