import { compareStreamIds, parseStreamId } from '@acme/contracts';

/** The live connection as the header shows it. Pure, shared by the hub and its tests. */

export type StreamState = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface StreamStatus {
  state: StreamState;
  /** When the current state began (for "offline", when the connection was lost). */
  since: number;
}

/**
 * Whether event `id` comes after `lastId` in the stream. Unknown formats count as newer, so
 * an id we cannot read is applied rather than dropped (updates are idempotent anyway).
 */
export function isAfter(id: string, lastId: string | null): boolean {
  if (lastId === null) return true;
  const a = parseStreamId(id);
  const b = parseStreamId(lastId);
  return !a || !b || compareStreamIds(a, b) > 0;
}

/** The next status when the stream reports `state` at `now`; keeps `since` across repeats. */
export function nextStatus(current: StreamStatus, state: StreamState, now: number): StreamStatus {
  if (current.state === state) return current;
  // Going from reconnecting to offline is the same outage: keep when it began.
  if (state === 'offline' && current.state !== 'live') return { state, since: current.since };
  return { state, since: now };
}
