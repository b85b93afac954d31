/** Redis stream entry ids (`<ms>-<seq>`, both unsigned 64-bit), compared numerically. */
export interface StreamId {
  ms: bigint;
  seq: bigint;
}

export const ZERO_ID = '0-0';

const pattern = /^(\d{1,20})-(\d{1,20})$/;
const max = 2n ** 64n - 1n;

export function parseStreamId(value: string): StreamId | null {
  const match = pattern.exec(value);
  if (!match?.[1] || !match[2]) return null;
  const ms = BigInt(match[1]);
  const seq = BigInt(match[2]);
  return ms > max || seq > max ? null : { ms, seq };
}

export function compareStreamIds(a: StreamId, b: StreamId): number {
  if (a.ms !== b.ms) return a.ms < b.ms ? -1 : 1;
  if (a.seq !== b.seq) return a.seq < b.seq ? -1 : 1;
  return 0;
}

/** The larger of two well-formed ids. */
export function maxStreamId(a: StreamId, b: StreamId): StreamId {
  return compareStreamIds(a, b) >= 0 ? a : b;
}

/** The last id handed to one consumer: accepts only ids strictly after it. */
export class StreamPosition {
  private parsed: StreamId;

  constructor(
    private current: string,
    parsed: StreamId,
  ) {
    this.parsed = parsed;
  }

  get id(): string {
    return this.current;
  }

  /** Moves to `id` if it is after the current position; false for duplicates and stale ids. */
  advance(id: string): boolean {
    const parsed = parseStreamId(id);
    if (!parsed || compareStreamIds(parsed, this.parsed) <= 0) return false;
    this.current = id;
    this.parsed = parsed;
    return true;
  }

  /** Jumps to `id` unconditionally (after a sync.reset the new baseline may be lower). */
  reset(id: string, parsed: StreamId): void {
    this.current = id;
    this.parsed = parsed;
  }
}

/** Whether `value` has a stream id's shape (a cheap test for hot paths; parse to compare). */
export const isStreamId = (value: string): boolean => pattern.test(value);
