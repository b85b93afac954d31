import { log } from '../log';
import type { LatencyResult } from '../protocol';
import { summarize } from '../stats';
import type { Rep } from './context';
import { keys } from './streams';

const WARMUP_SAMPLES = 50;

/** Create-to-receive latency over the `level` open streams (open loop, see src/load/latency.ts). */
export async function measureLatency(r: Rep, level: number): Promise<void> {
  const { ctx, server } = r;
  const s = ctx.settings;
  const measure = (count: number) =>
    ctx.load.call<LatencyResult>(
      {
        op: 'latency',
        target: server.target,
        keys: keys(level),
        samples: count,
        ratePerSec: s.latencyRate,
        thinkMs: s.latencyThinkMs,
        sampleTimeoutMs: s.sampleTimeoutMs,
        timeoutMs: 150_000,
      },
      180_000,
    );
  // Every system's first calls run cold code (lazy compilation, first JIT tiers): a
  // warm-up round, discarded, so the first level measures the steady state like the others.
  if (level === s.latencyLevels[0]) await measure(WARMUP_SAMPLES);
  await server.loopDelay();
  const result = await measure(s.latencySamples[level] ?? 100);
  const serverLoop = await server.loopDelay();
  r.result.latency[String(level)] = { ...result, serverLoop };
  const q = summarize(result.latencies);
  log(
    `  ${r.spec.name}: latency @${level}: p50 ${q.p50.toFixed(2)} p99 ${q.p99.toFixed(2)} ` +
      `max ${q.max.toFixed(2)} ms (${q.n} samples, ${result.lost} lost, ${result.errors} errors; ` +
      `max event-loop delay: server ${serverLoop.max.toFixed(0)} ms, ` +
      `load ${result.loadLoop.max.toFixed(0)} ms)`,
  );
}
