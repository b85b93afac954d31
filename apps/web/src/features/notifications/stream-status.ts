/** The live connection as the header shows it. Pure, shared by the hub and its tests. */

export type StreamState = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface StreamStatus {
  state: StreamState;
  /** When the current state began (for "offline", when the connection was lost). */
  since: number;
}

/** Stream (Redis) ids look like "1712345678901-0": ms, then a sequence number. */
function parseStreamId(id: string): [bigint, bigint] | null {
  const match = /^(\d+)-(\d+)$/.exec(id);
  if (!match?.[1] || !match[2]) return null;
  return [BigInt(match[1]), BigInt(match[2])];
}

/**
 * Whether event `id` comes after `lastId` in the stream. Unknown formats count as newer, so
 * an id we cannot read is applied rather than dropped (updates are idempotent anyway).
 */
export function isAfter(id: string, lastId: string | null): boolean {
  if (lastId === null) return true;
  const a = parseStreamId(id);
  const b = parseStreamId(lastId);
  if (!a || !b) return true;
  return a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
}

/** The next status when the stream reports `state` at `now`; keeps `since` across repeats. */
export function nextStatus(current: StreamStatus, state: StreamState, now: number): StreamStatus {
  if (current.state === state) return current;
  // Going from reconnecting to offline is the same outage: keep when it began.
  if (state === 'offline' && current.state !== 'live') return { state, since: current.since };
  return { state, since: now };
}
