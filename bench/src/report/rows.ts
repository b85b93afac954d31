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

const digits = (n: number) => (v: number) => fmt(v, n);

/** The rows of the results table, in order, for a run with these settings. */
export function tableRows(s: Settings): Row[] {
  return [
    ...latencyRows(s),
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

function burstRows(s: Settings): Row[] {
  return [
    {
      figure: `burst: deliveries/s (${count(s.burstNotifications)} to ${count(s.burstUsers)} users)`,
      value: (x) => x.burstDeliveriesPerSec,
      show: digits(0),
    },
    {
      figure: 'burst: create calls/s (the sender)',
      value: (x) => x.burstCreatesPerSec,
      show: digits(0),
    },
    {
      figure: 'burst: p99 create-to-receive (ms)',
      value: (x) => x.burstP99,
      show: digits(0),
    },
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
  ];
}

function broadcastRows(s: Settings): Row[] {
  return [
    {
      figure: `broadcast: deliveries/s (group of ${count(s.broadcastMembers)})`,
      value: (x) => x.broadcastDeliveriesPerSec,
      show: digits(0),
    },
    {
      figure: 'broadcast: last member receives after (ms)',
      value: (x) => x.broadcastLastMs,
      show: digits(1),
    },
    {
      figure: 'broadcast: server CPU for the whole group (ms)',
      value: (x) => x.broadcastServerMs,
      show: digits(0),
    },
  ];
}

function memoryRows(s: Settings): Row[] {
  const top = Math.max(...s.rssLevels);
  const perStream = (v: number) => fmt(v / 1024, 1);
  return [
    ...s.rssLevels.map((level) => ({
      figure: `server RSS, ${count(level)} idle streams (MB)`,
      value: (x: Summary) => x.rss[String(level)] ?? Number.NaN,
      show: mb,
    })),
    {
      figure: `RSS per stream, (RSS@${count(top)} − RSS@0) / ${count(top)} (KB)`,
      value: (x) => x.bytesPerStream,
      show: perStream,
    },
    {
      figure: 'JS heap per stream, same (KB)',
      value: (x) => x.heapPerStream,
      show: perStream,
    },
    {
      figure: 'streams opened per second (ramp, auth included)',
      value: (x) => x.openPerSec,
      show: digits(0),
    },
  ];
}

function idleRows(s: Settings): Row[] {
  return [
    {
      figure: `idle: Redis commands/s, ${count(s.idleStreams)} streams, ${s.idleSeconds} s`,
      value: (x) => x.idleCommandsPerSec,
      show: digits(1),
    },
    {
      figure: 'idle: Redis commands/s with 0 streams (baseline)',
      value: (x) => x.baselineCommandsPerSec,
      show: digits(2),
    },
    {
      figure: 'idle: Redis commands per stream per second',
      value: (x) => x.idlePerStreamPerSec,
      show: digits(3),
    },
    {
      figure: 'idle: server CPU (% of one core)',
      value: (x) => x.idleServerCpuPct,
      show: digits(1),
    },
    {
      figure: 'idle: Redis CPU (% of one core)',
      value: (x) => x.idleRedisCpuPct,
      show: digits(1),
    },
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
