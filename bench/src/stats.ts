/** Exact percentiles on sorted copies: sample counts here are small (thousands). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN;
}

export function summarize(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.length ? (sorted[sorted.length - 1] ?? Number.NaN) : Number.NaN,
  };
}

/**
 * p50, p99 and max (= when the last stream had it) of one event's create-to-receive over
 * all `streams` streams; a stream that never received it counts as Infinity.
 */
export function overStreams(latencies: readonly number[], streams: number) {
  const missing = Math.max(0, streams - latencies.length);
  return summarize([...latencies, ...Array<number>(missing).fill(Number.POSITIVE_INFINITY)]);
}

/** The median of the values that are not NaN (Infinity counts: "never"). */
export function medianOrNever(values: readonly number[]): number {
  const known = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (known.length === 0) return Number.NaN;
  const mid = Math.floor(known.length / 2);
  return known.length % 2
    ? (known[mid] ?? Number.NaN)
    : ((known[mid - 1] ?? 0) + (known[mid] ?? 0)) / 2;
}

export function median(values: readonly number[]): number {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return Number.NaN;
  const mid = Math.floor(finite.length / 2);
  return finite.length % 2
    ? (finite[mid] ?? Number.NaN)
    : ((finite[mid - 1] ?? 0) + (finite[mid] ?? 0)) / 2;
}

export const round = (v: number, digits = 2) =>
  Number.isFinite(v) ? Math.round(v * 10 ** digits) / 10 ** digits : null;
