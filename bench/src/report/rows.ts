import type { Settings } from '../settings';
import { count, fmt, mb, openStreams } from './format';
import type { Summary } from './summary';

/** One line of the results table: a figure and how it is read from a system's summary. */
export interface Row {
  figure: string;
  value: (s: Summary) => number;
  show?: (v: number, s: Summary) => string;
  /** show this/seed and this/raw ratios (default true) */
  ratio?: boolean;
}

/** A row shown as one number with `digits` fraction digits at most. */
const plain = (figure: string, value: (s: Summary) => number, digits: number): Row => ({
  figure,
  value,
  show: (v) => fmt(v, digits),
});

/** The rows of the results table, in order, for a run with these settings. */
export function tableRows(s: Settings): Row[] {
  return [
    ...latencyRows(s),
    ...oneUserRows(s),
    ...burstRows(s),
    ...broadcastRows(s),
    ...memoryRows(s),
    ...idleRows(s),
    resumeRow(s),
  ];
}

function latencyRows(s: Settings): Row[] {
  return s.latencyLevels.flatMap((level) =>
    (['p50', 'p99', 'max'] as const).map((q) => ({
      figure: `latency ${q}, ${openStreams(level)} (ms)`,
      value: (x: Summary) => x.latency[String(level)]?.[q] ?? Number.NaN,
      show: (v: number) => fmt(v, v < 10 ? 2 : 1),
    })),
  );
}

function oneUserRows(s: Settings): Row[] {
  const head = `one user, ${count(s.oneUserStreams)} streams`;
  // Infinity: some stream never received the event (the seed hands each one to one poll).
  const ms = (v: number, x: Summary) =>
    v === Number.POSITIVE_INFINITY
      ? `not every stream (${fmt(x.oneUserReached * 100, 1)} % of receipts)`
      : fmt(v, v < 10 ? 2 : 1);
  const events = `median of ${s.oneUserEvents} events`;
  return [
    {
      figure: `${head}: p50 latency over the streams (ms, ${events})`,
      value: (x) => x.oneUserP50,
      show: ms,
    },
    {
      figure: `${head}: p99 latency over the streams (ms, same)`,
      value: (x) => x.oneUserP99,
      show: ms,
    },
    {
      figure: `${head}: last stream receives after (ms, same)`,
      value: (x) => x.oneUserLastMs,
      show: ms,
    },
    {
      figure: `${head}: last stream, worst of ${s.oneUserEvents} events (ms)`,
      value: (x) => x.oneUserWorstLastMs,
      show: ms,
    },
  ];
}

function burstRows(s: Settings): Row[] {
  const sent = `${count(s.burstNotifications)} to ${count(s.burstUsers)} users`;
  return [
    plain(`burst: deliveries/s (${sent})`, (x) => x.burstDeliveriesPerSec, 0),
    plain('burst: create calls/s (the sender)', (x) => x.burstCreatesPerSec, 0),
    plain('burst: p99 create-to-receive (ms)', (x) => x.burstP99, 0),
    {
      figure: 'burst: CPU % of one core — server / load generator / Redis',
      value: (x) => x.burstServerCpuPct,
      show: (_v, x) =>
        `${fmt(x.burstServerCpuPct, 0)} / ${fmt(x.burstLoadCpuPct, 0)} / ${fmt(x.burstRedisCpuPct, 0)}`,
      ratio: false,
    },
    {
      figure: 'burst: CPU ms per notification — server / Redis',
      value: (x) => x.burstServerMsPerCreate,
      show: (_v, x) => `${fmt(x.burstServerMsPerCreate, 3)} / ${fmt(x.burstRedisMsPerCreate, 3)}`,
    },
    plain('burst: Redis commands per notification', (x) => x.burstRedisCommandsPerCreate, 1),
    {
      figure: 'burst: Redis network bytes per notification — in / out to clients / to replicas',
      value: (x) => x.burstRedisInBytesPerCreate,
      show: (_v, x) =>
        [
          x.burstRedisInBytesPerCreate,
          x.burstRedisOutBytesPerCreate,
          x.burstRedisReplBytesPerCreate,
        ]
          .map((v) => fmt(v, 0))
          .join(' / '),
    },
    plain('burst: SSE bytes per delivered event', (x) => x.burstSseBytesPerEvent, 0),
  ];
}

function broadcastRows(s: Settings): Row[] {
  return [
    plain(
      `broadcast: deliveries/s (group of ${count(s.broadcastMembers)})`,
      (x) => x.broadcastDeliveriesPerSec,
      0,
    ),
    plain('broadcast: last member receives after (ms)', (x) => x.broadcastLastMs, 1),
    plain('broadcast: server CPU for the whole group (ms)', (x) => x.broadcastServerMs, 0),
    plain('broadcast: Redis commands per member', (x) => x.broadcastRedisCommandsPerMember, 1),
  ];
}

function memoryRows(s: Settings): Row[] {
  const top = Math.max(...s.rssLevels);
  const kb = (v: number) => fmt(v / 1024, 1);
  return [
    ...s.rssLevels.map((level) => ({
      figure: `server RSS, ${count(level)} idle streams (MB)`,
      value: (x: Summary) => x.rss[String(level)] ?? Number.NaN,
      show: mb,
    })),
    {
      figure: `RSS per stream, (RSS@${count(top)} − RSS@0) / ${count(top)} (KB)`,
      value: (x) => x.bytesPerStream,
      show: kb,
    },
    { figure: 'JS heap per stream, same (KB)', value: (x) => x.heapPerStream, show: kb },
    plain('streams opened per second (ramp, auth included)', (x) => x.openPerSec, 0),
  ];
}

function idleRows(s: Settings): Row[] {
  const idle = `${count(s.idleStreams)} streams, ${s.idleSeconds} s`;
  return [
    plain(`idle: Redis commands/s, ${idle}`, (x) => x.idleCommandsPerSec, 1),
    plain('idle: Redis commands/s with 0 streams (baseline)', (x) => x.baselineCommandsPerSec, 2),
    plain('idle: Redis commands per stream per second', (x) => x.idlePerStreamPerSec, 3),
    plain('idle: server CPU (% of one core)', (x) => x.idleServerCpuPct, 1),
    plain('idle: Redis CPU (% of one core)', (x) => x.idleRedisCpuPct, 1),
  ];
}

function resumeRow(s: Settings): Row {
  return {
    figure: `resume: replay ${count(s.resumeEvents)} missed events (ms)`,
    value: (x) => (x.resumeComplete ? x.resumeMs : x.resumeExtrapolatedMs),
    show: (v, x) =>
      Number.isFinite(v) ? (x.resumeComplete ? fmt(v, 1) : `≈${fmt(v, 0)} (extrapolated)`) : 'n/a',
  };
}
