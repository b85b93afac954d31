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

/** The product's targets, the comparisons with the raw floor included when it ran. */
export function targetRows(s: Settings, sums: Partial<Record<SystemName, Summary>>): TargetRow[] {
  const p = sums.product;
  if (!p) return [];
  const level = String(Math.max(...s.latencyLevels));
  const top = Math.max(...s.rssLevels);
  const p99 = p.latency[level]?.p99 ?? Number.NaN;
  const rows: TargetRow[] = [
    {
      target: `p99 create-to-receive < 25 ms with ${level} open streams`,
      measured: `${fmt(p99, 2)} ms`,
      met: p99 < 25,
    },
    {
      target: `${count(top)} idle streams in one process`,
      measured: `${fmt(p.maxStreams, 0)} opened`,
      met: p.maxStreams >= top,
    },
    {
      target: 'under 40 KB RSS per stream',
      measured: `${fmt(p.bytesPerStream / 1024, 1)} KB`,
      met: p.bytesPerStream < 40 * 1024,
    },
    {
      target: 'zero Redis commands per idle stream per second',
      measured: `${fmt(p.idlePerStreamPerSec, 4)} (seed: ${fmt(sums.seed?.idlePerStreamPerSec ?? Number.NaN, 2)})`,
      met: p.idlePerStreamPerSec < 0.001,
    },
  ];
  if (sums.raw) rows.push(...rawFloorRows(s, p, sums.raw));
  return rows;
}

function rawFloorRows(s: Settings, p: Summary, raw: Summary): TargetRow[] {
  const rows = s.latencyLevels.map((l) => {
    const a = p.latency[String(l)]?.p99 ?? Number.NaN;
    const b = raw.latency[String(l)]?.p99 ?? Number.NaN;
    return {
      target: `p99 within 2× the raw floor, ${l} streams`,
      measured: ratio(a, b),
      met: a <= 2 * b,
    };
  });
  /** the product's throughput is at least half the floor's */
  const half = (target: string, pick: (x: Summary) => number) => ({
    target,
    measured: ratio(pick(p), pick(raw)),
    met: pick(p) / pick(raw) >= 0.5,
  });
  rows.push(
    half('burst throughput ≥ ½ the raw floor', (x) => x.burstDeliveriesPerSec),
    half('broadcast throughput ≥ ½ the raw floor', (x) => x.broadcastDeliveriesPerSec),
  );
  return rows;
}
