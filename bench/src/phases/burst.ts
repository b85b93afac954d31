import { log } from '../log';
import { sleep } from '../proc';
import type { BurstResult } from '../protocol';
import { summarize } from '../stats';
import type { Rep } from './context';
import { withCpu } from './measure';
import { keys, openStreams } from './streams';

/** Many creates at once, round-robin over `burstUsers` open streams: throughput and CPU. */
export async function measureBurst(r: Rep): Promise<void> {
  const { ctx, server } = r;
  const s = ctx.settings;
  await openStreams(ctx, server, 0, s.burstUsers);
  await sleep(500);
  const {
    value: b,
    cpu,
    redis,
  } = await withCpu(r, () =>
    ctx.load.call<BurstResult>(
      {
        op: 'burst',
        target: server.target,
        keys: keys(s.burstUsers),
        notifications: s.burstNotifications,
        concurrency: s.sendConcurrency,
        timeoutMs: s.deliveryTimeoutMs,
      },
      s.deliveryTimeoutMs + 30_000,
    ),
  );
  const q = summarize(b.latencies);
  r.result.burst = { ...b, latencies: [], latency: q, cpu, redis };
  log(
    `  ${r.spec.name}: burst ${b.received}/${b.sent} delivered in ${b.deliverMs.toFixed(0)} ms ` +
      `(${((b.received / b.deliverMs) * 1000).toFixed(0)}/s; sent in ${b.sendMs.toFixed(0)} ms,` +
      ` ${b.errors} errors; p50 ${q.p50.toFixed(1)} p99 ${q.p99.toFixed(1)} ms; CPU% server ` +
      `${cpu.serverPct.toFixed(0)} load ${cpu.loadPct.toFixed(0)} redis ${cpu.redisPct.toFixed(0)};` +
      ` ${(redis.commands / b.sent).toFixed(1)} Redis commands per create)`,
  );
}
