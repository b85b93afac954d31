/**
 * Whether an arrival gets its own toast or joins a summary ("12 new notifications"): more
 * than BURST_MIN - 1 arrivals within BURST_WINDOW_MS start a burst, which lasts while they
 * keep coming that close together, or while its summary is still on screen (a stall of the
 * page, a GC pause or a slow tick, must not split one burst into a summary and new single
 * toasts). Pure, for tests.
 */
export const BURST_WINDOW_MS = 1_000;
export const BURST_MIN = 3;

export interface BurstState {
  /** Recent arrivals (ids and times) outside a burst, oldest first. */
  recent: { id: string; at: number }[];
  /** How many the current burst holds; 0 outside one. */
  count: number;
  lastAt: number;
}

export const emptyBurst: BurstState = { recent: [], count: 0, lastAt: -Infinity };

export type BurstDecision =
  | { kind: 'single' }
  /** Show (or update) the summary; `replaces` are the single toasts it takes over. */
  | { kind: 'summary'; count: number; replaces: string[] };

export function nextBurst(
  state: BurstState,
  id: string,
  at: number,
  summaryShowing = false,
): { state: BurstState; decision: BurstDecision } {
  if (state.count > 0 && (summaryShowing || at - state.lastAt <= BURST_WINDOW_MS)) {
    const count = state.count + 1;
    return {
      state: { recent: [], count, lastAt: at },
      decision: { kind: 'summary', count, replaces: [] },
    };
  }
  const recent = [...state.recent.filter((r) => at - r.at <= BURST_WINDOW_MS), { id, at }];
  if (recent.length >= BURST_MIN) {
    return {
      state: { recent: [], count: recent.length, lastAt: at },
      decision: {
        kind: 'summary',
        count: recent.length,
        replaces: recent.slice(0, -1).map((r) => r.id),
      },
    };
  }
  return { state: { recent, count: 0, lastAt: at }, decision: { kind: 'single' } };
}
