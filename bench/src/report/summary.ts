import type { ResumeResult, SystemName } from '../protocol';
import type { RepResult, RunResult } from '../results';
import type { Settings } from '../settings';
import { median, medianOrNever, overStreams, summarize } from '../stats';

/** Medians over repetitions of one system. */
export function summarizeSystem(run: RunResult, system: SystemName) {
  const reps = run.reps.filter((r) => r.system === system);
  return {
    latency: latencySummary(reps, run.settings),
    ...memorySummary(reps, run.settings),
    ...oneUserSummary(reps),
    ...burstSummary(reps),
    ...broadcastSummary(reps),
    ...idleSummary(reps),
    ...resumeSummary(reps),
    openPerSec: median(reps.flatMap((r) => r.open).map((o) => (o.added / o.ms) * 1000)),
    errors: reps.flatMap((r) => r.errors.map((e) => `rep ${r.rep}: ${e}`)),
    reps: reps.length,
  };
}

export type Summary = ReturnType<typeof summarizeSystem>;

/** The summaries of every system of the run. */
export function summarizeRun(run: RunResult): Record<SystemName, Summary> {
  return Object.fromEntries(run.systems.map((sys) => [sys, summarizeSystem(run, sys)])) as Record<
    SystemName,
    Summary
  >;
}

const present = <T>(values: (T | null | undefined)[]): T[] =>
  values.filter((v): v is T => v !== null && v !== undefined);

function latencySummary(reps: RepResult[], s: Settings) {
  const latency: Record<
    string,
    { p50: number; p99: number; max: number; n: number; lost: number }
  > = {};
  for (const level of s.latencyLevels) {
    const per = present(reps.map((r) => r.latency[String(level)]));
    const stats = per.map((l) => summarize(l.latencies));
    latency[String(level)] = {
      p50: median(stats.map((x) => x.p50)),
      p99: median(stats.map((x) => x.p99)),
      max: median(stats.map((x) => x.max)),
      n: stats.reduce((a, x) => a + x.n, 0),
      lost: per.reduce((a, l) => a + l.lost + l.errors, 0),
    };
  }
  return latency;
}

function memorySummary(reps: RepResult[], s: Settings) {
  const rss: Record<string, number> = {};
  for (const level of s.rssLevels) {
    rss[String(level)] = median(reps.map((r) => r.rss[String(level)]?.rss ?? Number.NaN));
  }
  const top = Math.max(...s.rssLevels);
  /** growth of one memory figure from 0 to `top` streams, per stream */
  const perStream = (field: 'rss' | 'heapUsed') =>
    median(
      reps.map((r) => {
        const a = r.rss['0']?.[field];
        const b = r.rss[String(top)]?.[field];
        return a !== undefined && b !== undefined ? (b - a) / top : Number.NaN;
      }),
    );
  return {
    rss,
    maxStreams: median(reps.map((r) => Math.max(0, ...r.open.map((o) => o.level)))),
    bytesPerStream: perStream('rss'),
    heapPerStream: perStream('heapUsed'),
  };
}

/**
 * Fan-out to one user: per repetition, the median over its events of each event's p50, p99
 * and last stream (a stream that never had it: Infinity), and the worst event's last stream.
 */
function oneUserSummary(reps: RepResult[]) {
  const runs = present(reps.map((r) => r.oneUser)).filter((o) => o.events.length > 0);
  const per = runs.map((o) => o.events.map((e) => overStreams(e.latencies, o.streams)));
  const of = (pick: (q: ReturnType<typeof overStreams>) => number) =>
    medianOrNever(per.map((events) => medianOrNever(events.map(pick))));
  const receipts = runs.reduce(
    (a, o) => a + o.events.reduce((b, e) => b + e.latencies.length, 0),
    0,
  );
  const expected = runs.reduce((a, o) => a + o.streams * o.events.length, 0);
  return {
    oneUserP50: of((q) => q.p50),
    oneUserP99: of((q) => q.p99),
    oneUserLastMs: of((q) => q.max),
    oneUserWorstLastMs: medianOrNever(per.map((events) => Math.max(...events.map((q) => q.max)))),
    /** receipts / (streams × events) over every repetition */
    oneUserReached: expected ? receipts / expected : Number.NaN,
  };
}

function burstSummary(reps: RepResult[]) {
  const burst = present(reps.map((r) => r.burst));
  return {
    burstDeliveriesPerSec: median(burst.map((b) => (b.received / b.deliverMs) * 1000)),
    burstCreatesPerSec: median(burst.map((b) => (b.sent / b.sendMs) * 1000)),
    burstDelivered: median(burst.map((b) => b.received / b.sent)),
    burstP99: median(burst.map((b) => b.latency.p99)),
    burstServerCpuPct: median(burst.map((b) => b.cpu.serverPct)),
    burstLoadCpuPct: median(burst.map((b) => b.cpu.loadPct)),
    burstRedisCpuPct: median(burst.map((b) => b.cpu.redisPct)),
    // (runs written before serverMs/redisMs existed: % over the burst × its duration)
    burstServerMsPerCreate: median(
      burst.map((b) => (b.cpu.serverMs ?? (b.cpu.serverPct / 100) * b.deliverMs) / b.sent),
    ),
    burstRedisMsPerCreate: median(
      burst.map((b) => (b.cpu.redisMs ?? (b.cpu.redisPct / 100) * b.deliverMs) / b.sent),
    ),
    // (runs written before these were measured: NaN, shown as —)
    burstRedisCommandsPerCreate: median(
      burst.map((b) => (b.redis ? b.redis.commands / b.sent : Number.NaN)),
    ),
    burstRedisInBytesPerCreate: median(
      burst.map((b) => (b.redis?.net ? b.redis.net.inBytes / b.sent : Number.NaN)),
    ),
    burstRedisOutBytesPerCreate: median(
      // Redis 7's total_net_output_bytes includes what it sends to its replicas
      burst.map((b) =>
        b.redis?.net ? (b.redis.net.outBytes - b.redis.net.replOutBytes) / b.sent : Number.NaN,
      ),
    ),
    burstRedisReplBytesPerCreate: median(
      burst.map((b) => (b.redis?.net ? b.redis.net.replOutBytes / b.sent : Number.NaN)),
    ),
    burstSseBytesPerEvent: median(
      burst.map((b) => (b.sseBytes === undefined ? Number.NaN : b.sseBytes / b.received)),
    ),
  };
}

function broadcastSummary(reps: RepResult[]) {
  const broadcast = present(reps.map((r) => r.broadcast)).filter((b) => !b.error);
  return {
    broadcastServerMs: median(broadcast.map((b) => b.cpu?.serverMs ?? Number.NaN)),
    broadcastDeliveriesPerSec: median(broadcast.map((b) => (b.received / b.lastMs) * 1000)),
    broadcastLastMs: median(broadcast.map((b) => b.lastMs)),
    broadcastResponseMs: median(broadcast.map((b) => b.responseMs)),
    broadcastRedisCommandsPerMember: median(
      broadcast.map((b) => (b.redis ? b.redis.commands / b.members : Number.NaN)),
    ),
  };
}

function idleSummary(reps: RepResult[]) {
  const idle = present(reps.map((r) => r.idle));
  return {
    idleCommandsPerSec: median(idle.map((i) => i.commandsPerSec)),
    baselineCommandsPerSec: median(reps.map((r) => r.baseline?.commandsPerSec ?? Number.NaN)),
    idlePerStreamPerSec: median(idle.map((i) => i.perStreamPerSec)),
    idleServerCpuPct: median(idle.map((i) => i.serverCpuPct)),
    idleRedisCpuPct: median(idle.map((i) => i.redisCpuPct)),
    idleTopCommands: topCommands(idle.map((i) => i.perCommand)),
  };
}

function resumeSummary(reps: RepResult[]) {
  const resume: ResumeResult[] = present(reps.map((r) => r.resume));
  return {
    resumeMs: median(resume.map((r) => (r.received === r.events ? r.ms : Number.NaN))),
    resumeExtrapolatedMs: median(
      resume.map((r) => (r.received > 0 ? (r.ms * r.events) / r.received : Number.NaN)),
    ),
    resumeComplete: resume.length > 0 && resume.every((r) => r.received === r.events),
  };
}

function topCommands(windows: Record<string, number>[]): string {
  const totals = new Map<string, number>();
  for (const w of windows)
    for (const [k, v] of Object.entries(w)) totals.set(k, (totals.get(k) ?? 0) + v);
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([k]) => k)
    .join(', ');
}
