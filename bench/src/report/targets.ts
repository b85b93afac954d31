import type { SystemName } from '../protocol';
import type { Settings } from '../settings';
import { count, fmt, ratio } from './format';
import type { Summary } from './summary';

/** One of the product's targets: what was measured and whether it was met. */
export interface TargetRow {
  target: string;
  measured: string;
  met: boolean | null;
}

/** The product's targets (bench/README.md), the comparisons included when the others ran. */
export function targetRows(s: Settings, sums: Partial<Record<SystemName, Summary>>): TargetRow[] {
  const p = sums.product;
  if (!p) return [];
  const level = String(Math.max(...s.latencyLevels));
  const top = Math.max(...s.rssLevels);
  const p99 = p.latency[level]?.p99 ?? Number.NaN;
  const rows: TargetRow[] = [
    {
      target: `p99 create-to-receive under 10 ms with ${count(Number(level))} open streams`,
      measured: `${fmt(p99, 2)} ms`,
      met: p99 < 10,
    },
    {
      target: `${count(top)} idle streams in one process`,
      measured: `${fmt(p.maxStreams, 0)} opened`,
      met: p.maxStreams >= top,
    },
    {
      target: `RSS per idle stream ≤ 12 KB at ${count(top)} streams`,
      measured: `${fmt(p.bytesPerStream / 1024, 1)} KB`,
      met: p.bytesPerStream <= 12 * 1024,
    },
    {
      target: 'zero Redis commands per idle stream per second',
      measured: fmt(p.idlePerStreamPerSec, 4),
      met: p.idlePerStreamPerSec < 0.001,
    },
    {
      target: 'burst: server CPU per notification ≤ 0.5 ms',
      measured: `${fmt(p.burstServerMsPerCreate, 3)} ms`,
      met: p.burstServerMsPerCreate <= 0.5,
    },
  ];
  if (sums.raw) rows.push(...rawFloorRows(s, p, sums.raw));
  if (sums.seed) rows.push(...seedRows(p, sums.seed));
  return rows;
}

/** `this / raw` of one figure, met when at most (or, for throughputs, at least) `bound`. */
function against(
  target: string,
  a: number,
  b: number,
  bound: number,
  higherIsBetter = false,
): TargetRow {
  const r = a / b;
  return {
    target,
    measured: ratio(a, b),
    met: Number.isFinite(r) ? (higherIsBetter ? r >= bound : r <= bound) : null,
  };
}

function rawFloorRows(s: Settings, p: Summary, raw: Summary): TargetRow[] {
  const rows: TargetRow[] = [];
  for (const l of s.latencyLevels) {
    const [a, b] = [p.latency[String(l)], raw.latency[String(l)]];
    const streams = `${count(l)} stream${l > 1 ? 's' : ''}`;
    rows.push(
      against(`latency p50 ≤ 1.5× the raw floor, ${streams}`, a?.p50 ?? NaN, b?.p50 ?? NaN, 1.5),
      against(`latency p99 ≤ 1.5× the raw floor, ${streams}`, a?.p99 ?? NaN, b?.p99 ?? NaN, 1.5),
    );
  }
  const one = `one event to ${count(s.oneUserStreams)} streams of one user`;
  rows.push(
    against(`${one}: p50 ≤ 1.5× the raw floor`, p.oneUserP50, raw.oneUserP50, 1.5),
    against(`${one}: p99 ≤ 1.5× the raw floor`, p.oneUserP99, raw.oneUserP99, 1.5),
    against(
      'burst: deliveries/s ≥ 0.6× the raw floor',
      p.burstDeliveriesPerSec,
      raw.burstDeliveriesPerSec,
      0.6,
      true,
    ),
    against(
      `broadcast to ${count(s.broadcastMembers)}: last member ≤ 2× the raw floor`,
      p.broadcastLastMs,
      raw.broadcastLastMs,
      2,
    ),
  );
  return rows;
}

function seedRows(p: Summary, seed: Summary): TargetRow[] {
  return [
    against(
      "burst: deliveries/s above the seed design's create calls/s",
      p.burstDeliveriesPerSec,
      seed.burstCreatesPerSec,
      1,
      true,
    ),
    against("streams opened per second ≥ the seed's", p.openPerSec, seed.openPerSec, 1, true),
  ];
}
