import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type {
  BroadcastResult,
  BurstResult,
  LatencyResult,
  ResumeResult,
  SystemName,
} from './protocol';
import type { Settings } from './settings';
import { median, round, summarize } from './stats';
import type { LoopDelay } from './systems';

export interface Memory {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

export interface Window {
  seconds: number;
  commands: number;
  commandsPerSec: number;
  perCommand: Record<string, number>;
  serverCpuPct: number;
  redisCpuPct: number;
}

/** CPU used during a phase: % of one core, and ms */
export interface Cpu {
  serverPct: number;
  loadPct: number;
  redisPct: number;
  serverMs?: number;
  redisMs?: number;
}

export interface RepResult {
  system: SystemName;
  rep: number;
  open: { level: number; added: number; ms: number }[];
  rss: Record<string, Memory>;
  baseline: Window | null;
  idle: (Window & { streams: number; perStreamPerSec: number }) | null;
  latency: Record<string, LatencyResult & { serverLoop?: LoopDelay }>;
  burst:
    | (BurstResult & {
        latency: ReturnType<typeof summarize>;
        cpu: Cpu;
      })
    | null;
  broadcast: (BroadcastResult & { cpu?: Cpu }) | null;
  resume: ResumeResult | null;
  /** CPU % of one core used by processes outside the bench, per phase */
  foreign: Record<string, number>;
  errors: string[];
}

export interface RunResult {
  date: string;
  mode: Settings['mode'];
  settings: Settings;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    os: string;
    node: string;
    redis: string;
  };
  systems: SystemName[];
  reps: RepResult[];
  /** repetitions run again because other processes loaded the machine */
  discarded: { system: SystemName; rep: number; foreign: Record<string, number> }[];
  wallSeconds: number;
}

const LABEL: Record<SystemName, string> = {
  product: 'this product',
  seed: 'seed (polling)',
  raw: 'raw floor',
};

/** Medians over repetitions of one system. */
export function summarizeSystem(run: RunResult, system: SystemName) {
  const reps = run.reps.filter((r) => r.system === system);
  const s = run.settings;
  const latency: Record<
    string,
    { p50: number; p99: number; max: number; n: number; lost: number }
  > = {};
  for (const level of s.latencyLevels) {
    const per = reps
      .map((r) => r.latency[String(level)])
      .filter((l): l is LatencyResult => Boolean(l));
    const stats = per.map((l) => summarize(l.latencies));
    latency[String(level)] = {
      p50: median(stats.map((x) => x.p50)),
      p99: median(stats.map((x) => x.p99)),
      max: median(stats.map((x) => x.max)),
      n: stats.reduce((a, x) => a + x.n, 0),
      lost: per.reduce((a, l) => a + l.lost + l.errors, 0),
    };
  }
  const rss: Record<string, number> = {};
  for (const level of s.rssLevels) {
    rss[String(level)] = median(reps.map((r) => r.rss[String(level)]?.rss ?? Number.NaN));
  }
  const top = Math.max(...s.rssLevels);
  const bytesPerStream = median(
    reps.map((r) => {
      const a = r.rss['0']?.rss;
      const b = r.rss[String(top)]?.rss;
      return a !== undefined && b !== undefined ? (b - a) / top : Number.NaN;
    }),
  );
  const heapPerStream = median(
    reps.map((r) => {
      const a = r.rss['0']?.heapUsed;
      const b = r.rss[String(top)]?.heapUsed;
      return a !== undefined && b !== undefined ? (b - a) / top : Number.NaN;
    }),
  );
  const burst = reps.map((r) => r.burst).filter((b): b is NonNullable<typeof b> => Boolean(b));
  const broadcast = reps
    .map((r) => r.broadcast)
    .filter((b): b is NonNullable<RepResult['broadcast']> => Boolean(b) && !b?.error);
  const resume = reps.map((r) => r.resume).filter((x): x is ResumeResult => Boolean(x));
  const idle = reps.map((r) => r.idle).filter((x): x is NonNullable<typeof x> => Boolean(x));
  const opens = reps.flatMap((r) => r.open);
  return {
    latency,
    rss,
    maxStreams: median(reps.map((r) => Math.max(0, ...r.open.map((o) => o.level)))),
    bytesPerStream,
    heapPerStream,
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
    broadcastServerMs: median(broadcast.map((b) => b.cpu?.serverMs ?? Number.NaN)),
    broadcastDeliveriesPerSec: median(broadcast.map((b) => (b.received / b.lastMs) * 1000)),
    broadcastLastMs: median(broadcast.map((b) => b.lastMs)),
    broadcastResponseMs: median(broadcast.map((b) => b.responseMs)),
    idleCommandsPerSec: median(idle.map((i) => i.commandsPerSec)),
    baselineCommandsPerSec: median(reps.map((r) => r.baseline?.commandsPerSec ?? Number.NaN)),
    idlePerStreamPerSec: median(idle.map((i) => i.perStreamPerSec)),
    idleServerCpuPct: median(idle.map((i) => i.serverCpuPct)),
    idleRedisCpuPct: median(idle.map((i) => i.redisCpuPct)),
    idleTopCommands: topCommands(idle.map((i) => i.perCommand)),
    resumeMs: median(resume.map((r) => (r.received === r.events ? r.ms : Number.NaN))),
    resumeExtrapolatedMs: median(
      resume.map((r) => (r.received > 0 ? (r.ms * r.events) / r.received : Number.NaN)),
    ),
    resumeComplete: resume.length > 0 && resume.every((r) => r.received === r.events),
    openPerSec: median(opens.map((o) => (o.added / o.ms) * 1000)),
    errors: reps.flatMap((r) => r.errors.map((e) => `rep ${r.rep}: ${e}`)),
    reps: reps.length,
  };
}

type Summary = ReturnType<typeof summarizeSystem>;

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

// ---------------------------------------------------------------------------------------
// Markdown

const fmt = (v: number, digits = 1) =>
  Number.isFinite(v)
    ? v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 })
    : '—';
const ratio = (a: number, b: number) =>
  Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? `${fmt(a / b, a / b < 0.1 ? 3 : 2)}×` : '—';
const mb = (b: number) => fmt(b / 2 ** 20, 1);

interface Row {
  figure: string;
  value: (s: Summary) => number;
  show?: (v: number, s: Summary) => string;
  /** show this/seed and this/raw ratios (default true) */
  ratio?: boolean;
}

export function markdown(run: RunResult): string {
  const s = run.settings;
  const sums = Object.fromEntries(
    run.systems.map((sys) => [sys, summarizeSystem(run, sys)]),
  ) as Record<SystemName, Summary>;
  const rows: Row[] = [];
  for (const level of s.latencyLevels) {
    for (const q of ['p50', 'p99', 'max'] as const) {
      rows.push({
        figure: `latency ${q}, ${level.toLocaleString('en-US')} open stream${level > 1 ? 's' : ''} (ms)`,
        value: (x) => x.latency[String(level)]?.[q] ?? Number.NaN,
        show: (v) => fmt(v, v < 10 ? 2 : 1),
      });
    }
  }
  rows.push(
    {
      figure: `burst: deliveries/s (${s.burstNotifications.toLocaleString('en-US')} to ${s.burstUsers.toLocaleString('en-US')} users)`,
      value: (x) => x.burstDeliveriesPerSec,
      show: (v) => fmt(v, 0),
    },
    {
      figure: 'burst: create calls/s (the sender)',
      value: (x) => x.burstCreatesPerSec,
      show: (v) => fmt(v, 0),
    },
    {
      figure: 'burst: p99 create-to-receive (ms)',
      value: (x) => x.burstP99,
      show: (v) => fmt(v, 0),
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
    {
      figure: `broadcast: deliveries/s (group of ${s.broadcastMembers.toLocaleString('en-US')})`,
      value: (x) => x.broadcastDeliveriesPerSec,
      show: (v) => fmt(v, 0),
    },
    {
      figure: 'broadcast: last member receives after (ms)',
      value: (x) => x.broadcastLastMs,
      show: (v) => fmt(v, 1),
    },
    {
      figure: 'broadcast: server CPU for the whole group (ms)',
      value: (x) => x.broadcastServerMs,
      show: (v) => fmt(v, 0),
    },
  );
  for (const level of s.rssLevels) {
    rows.push({
      figure: `server RSS, ${level.toLocaleString('en-US')} idle streams (MB)`,
      value: (x) => x.rss[String(level)] ?? Number.NaN,
      show: mb,
    });
  }
  const top = Math.max(...s.rssLevels);
  rows.push(
    {
      figure: `RSS per stream, (RSS@${top.toLocaleString('en-US')} − RSS@0) / ${top.toLocaleString('en-US')} (KB)`,
      value: (x) => x.bytesPerStream,
      show: (v) => fmt(v / 1024, 1),
    },
    {
      figure: 'JS heap per stream, same (KB)',
      value: (x) => x.heapPerStream,
      show: (v) => fmt(v / 1024, 1),
    },
    {
      figure: 'streams opened per second (ramp, auth included)',
      value: (x) => x.openPerSec,
      show: (v) => fmt(v, 0),
    },
    {
      figure: `idle: Redis commands/s, ${s.idleStreams.toLocaleString('en-US')} streams, ${s.idleSeconds} s`,
      value: (x) => x.idleCommandsPerSec,
      show: (v) => fmt(v, 1),
    },
    {
      figure: 'idle: Redis commands/s with 0 streams (baseline)',
      value: (x) => x.baselineCommandsPerSec,
      show: (v) => fmt(v, 2),
    },
    {
      figure: 'idle: Redis commands per stream per second',
      value: (x) => x.idlePerStreamPerSec,
      show: (v) => fmt(v, 3),
    },
    {
      figure: 'idle: server CPU (% of one core)',
      value: (x) => x.idleServerCpuPct,
      show: (v) => fmt(v, 1),
    },
    {
      figure: 'idle: Redis CPU (% of one core)',
      value: (x) => x.idleRedisCpuPct,
      show: (v) => fmt(v, 1),
    },
    {
      figure: `resume: replay ${s.resumeEvents.toLocaleString('en-US')} missed events (ms)`,
      value: (x) => (x.resumeComplete ? x.resumeMs : x.resumeExtrapolatedMs),
      show: (v, x) =>
        Number.isFinite(v)
          ? x.resumeComplete
            ? fmt(v, 1)
            : `≈${fmt(v, 0)} (extrapolated)`
          : 'n/a',
    },
  );

  const has = (sys: SystemName) => run.systems.includes(sys);
  const head = ['figure', ...run.systems.map((sys) => LABEL[sys])];
  if (has('product') && has('seed')) head.push('this / seed');
  if (has('product') && has('raw')) head.push('this / raw');
  const lines = [
    `| ${head.join(' | ')} |`,
    `| ${head.map((_, i) => (i ? '---:' : '---')).join(' | ')} |`,
  ];
  for (const row of rows) {
    const cells = [row.figure];
    for (const sys of run.systems) {
      const v = row.value(sums[sys]);
      cells.push(row.show ? row.show(v, sums[sys]) : fmt(v));
    }
    const showRatio = row.ratio !== false;
    if (has('product') && has('seed'))
      cells.push(showRatio ? ratio(row.value(sums.product), row.value(sums.seed)) : '');
    if (has('product') && has('raw'))
      cells.push(showRatio ? ratio(row.value(sums.product), row.value(sums.raw)) : '');
    lines.push(`| ${cells.join(' | ')} |`);
  }

  const m = run.machine;
  const out = [
    `## Results ${run.date.slice(0, 10)} (${run.mode}, ${s.reps} repetition${s.reps > 1 ? 's' : ''}, medians)`,
    '',
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}, Redis ${m.redis}. ` +
      `Load generator on the same machine. Wall time ${fmt(run.wallSeconds / 60, 1)} min. ` +
      (run.reps.some((r) => Object.keys(r.foreign).length > 0)
        ? `Worst CPU taken by processes outside the bench during a kept phase: ` +
          `${fmt(Math.max(0, ...run.reps.flatMap((r) => Object.values(r.foreign))), 0)}% of one core`
        : 'CPU taken by processes outside the bench: not measured by this run') +
      (run.discarded.length
        ? `; ${run.discarded.length} repetition(s) disturbed by other processes were run again.`
        : '.'),
    '',
    ...lines,
    '',
  ];
  if (has('product')) out.push(...targets(run, sums), '');
  const errors = run.systems.flatMap((sys) => sums[sys].errors.map((e) => `- ${sys}, ${e}`));
  if (errors.length) out.push('Errors during the run:', '', ...errors, '');
  return out.join('\n');
}

function targets(run: RunResult, sums: Partial<Record<SystemName, Summary>>): string[] {
  const s = run.settings;
  const p = sums.product;
  if (!p) return [];
  const level = String(Math.max(...s.latencyLevels));
  const top = Math.max(...s.rssLevels);
  const rows: [string, string, boolean | null][] = [];
  const p99 = p.latency[level]?.p99 ?? Number.NaN;
  rows.push([
    `p99 create-to-receive < 25 ms with ${level} open streams`,
    `${fmt(p99, 2)} ms`,
    p99 < 25,
  ]);
  rows.push([
    `${top.toLocaleString('en-US')} idle streams in one process`,
    `${fmt(p.maxStreams, 0)} opened`,
    p.maxStreams >= top,
  ]);
  rows.push([
    'under 40 KB RSS per stream',
    `${fmt(p.bytesPerStream / 1024, 1)} KB`,
    p.bytesPerStream < 40 * 1024,
  ]);
  rows.push([
    'zero Redis commands per idle stream per second',
    `${fmt(p.idlePerStreamPerSec, 4)} (seed: ${fmt(sums.seed?.idlePerStreamPerSec ?? Number.NaN, 2)})`,
    p.idlePerStreamPerSec < 0.001,
  ]);
  if (sums.raw) {
    for (const l of s.latencyLevels) {
      const a = p.latency[String(l)]?.p99 ?? Number.NaN;
      const b = sums.raw.latency[String(l)]?.p99 ?? Number.NaN;
      rows.push([`p99 within 2× the raw floor, ${l} streams`, ratio(a, b), a <= 2 * b]);
    }
    const bt = p.burstDeliveriesPerSec / sums.raw.burstDeliveriesPerSec;
    rows.push([
      'burst throughput ≥ ½ the raw floor',
      ratio(p.burstDeliveriesPerSec, sums.raw.burstDeliveriesPerSec),
      bt >= 0.5,
    ]);
    const bb = p.broadcastDeliveriesPerSec / sums.raw.broadcastDeliveriesPerSec;
    rows.push([
      'broadcast throughput ≥ ½ the raw floor',
      ratio(p.broadcastDeliveriesPerSec, sums.raw.broadcastDeliveriesPerSec),
      bb >= 0.5,
    ]);
  }
  return [
    '| target (this product) | measured | met |',
    '| --- | ---: | :---: |',
    ...rows.map(([t, v, ok]) => `| ${t} | ${v} | ${ok === null ? '—' : ok ? 'yes' : '**no**'} |`),
  ];
}

// ---------------------------------------------------------------------------------------
// Charts: vega-lite compiled to vega, rendered to SVG in Node, rasterised by resvg.

const COLORS = {
  domain: ['this product', 'seed (polling)', 'raw floor'],
  range: ['#1f77b4', '#d62728', '#7f7f7f'],
};

function latencySpec(run: RunResult): TopLevelSpec {
  const values: { system: string; level: string; latency: number; fraction: number }[] = [];
  for (const sys of run.systems) {
    for (const level of run.settings.latencyLevels) {
      const all = run.reps
        .filter((r) => r.system === sys)
        .flatMap((r) => r.latency[String(level)]?.latencies ?? [])
        .sort((a, b) => a - b);
      all.forEach((latency, i) => {
        values.push({
          system: LABEL[sys],
          level: `${level.toLocaleString('en-US')} open stream${level > 1 ? 's' : ''}`,
          latency: Math.max(0.05, latency),
          fraction: (i + 1) / all.length,
        });
      });
    }
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Create-to-receive latency (CDF, all repetitions pooled)',
      subtitle: `${run.machine.cpus} cores, Node ${run.machine.node}, Redis ${run.machine.redis}, ${run.date.slice(0, 10)}`,
    },
    data: { values },
    facet: {
      column: {
        field: 'level',
        type: 'ordinal',
        sort: run.settings.latencyLevels.map(
          (l) => `${l.toLocaleString('en-US')} open stream${l > 1 ? 's' : ''}`,
        ),
        title: null,
      },
    },
    spec: {
      width: 300,
      height: 260,
      mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 },
      encoding: {
        x: {
          field: 'latency',
          type: 'quantitative',
          scale: { type: 'log' },
          title: 'latency (ms, log scale)',
          axis: { grid: true },
        },
        y: {
          field: 'fraction',
          type: 'quantitative',
          title: 'fraction of notifications',
          scale: { domain: [0, 1] },
        },
        color: {
          field: 'system',
          type: 'nominal',
          scale: COLORS,
          legend: { orient: 'bottom', title: null },
        },
      },
    },
    config: { font: 'DejaVu Sans', background: 'white' },
  };
}

function rssSpec(run: RunResult): TopLevelSpec {
  const values: { system: string; streams: number; rss: number }[] = [];
  for (const sys of run.systems) {
    const summary = summarizeSystem(run, sys);
    for (const level of run.settings.rssLevels) {
      const v = summary.rss[String(level)];
      if (v !== undefined && Number.isFinite(v))
        values.push({ system: LABEL[sys], streams: level, rss: v / 2 ** 20 });
    }
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Server RSS vs open idle streams (one process, median of repetitions)',
      subtitle: `after a forced GC; ${run.machine.cpus} cores, Node ${run.machine.node}, ${run.date.slice(0, 10)}`,
    },
    width: 560,
    height: 340,
    data: { values },
    encoding: {
      x: { field: 'streams', type: 'quantitative', title: 'open idle streams' },
      y: { field: 'rss', type: 'quantitative', title: 'RSS (MB)' },
      color: {
        field: 'system',
        type: 'nominal',
        scale: COLORS,
        legend: { orient: 'bottom', title: null },
      },
    },
    layer: [
      { mark: { type: 'line', strokeWidth: 2 } },
      { mark: { type: 'point', filled: true, size: 60 } },
      // Labels above the line, the raw floor's below it: the two low lines nearly touch.
      {
        transform: [{ filter: "datum.system !== 'raw floor'" }],
        mark: { type: 'text', dx: 4, dy: -10, align: 'left', fontSize: 11 },
        encoding: { text: { field: 'rss', type: 'quantitative', format: '.0f' } },
      },
      {
        transform: [{ filter: "datum.system === 'raw floor'" }],
        mark: { type: 'text', dx: 4, dy: 14, align: 'left', fontSize: 11 },
        encoding: { text: { field: 'rss', type: 'quantitative', format: '.0f' } },
      },
    ],
    config: { font: 'DejaVu Sans', background: 'white' },
  };
}

async function render(spec: TopLevelSpec, file: string): Promise<string[]> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  writeFileSync(`${file}.svg`, svg);
  const png = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  })
    .render()
    .asPng();
  writeFileSync(`${file}.png`, png);
  return [`${file}.svg`, `${file}.png`];
}

export async function writeReport(run: RunResult, dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const stem = join(dir, `${run.date.slice(0, 10)}${run.mode === 'quick' ? '-quick' : ''}`);
  const summaries = Object.fromEntries(run.systems.map((sys) => [sys, summarizeSystem(run, sys)]));
  writeFileSync(`${stem}.json`, `${JSON.stringify({ ...run, summaries }, roundReplacer, 1)}\n`);
  const md = markdown(run);
  writeFileSync(`${stem}.md`, md);
  process.stdout.write(`\n${md}\n`);
  const files = [`${stem}.json`, `${stem}.md`];
  files.push(...(await render(latencySpec(run), `${stem}-latency-cdf`)));
  files.push(...(await render(rssSpec(run), `${stem}-rss`)));
  return files;
}

function roundReplacer(_key: string, value: unknown) {
  if (typeof value === 'number' && !Number.isInteger(value)) return round(value, 3);
  return value;
}
