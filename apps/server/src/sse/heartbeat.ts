/** How often the timer ticks; each tick beats one slice of the connections. */
const TICK_MS = 25;

export interface Heartbeat {
  /** Beats `beat` once per interval until the returned function is called. */
  add(beat: () => void): () => void;
}

/**
 * One timer for all SSE connections that share an interval, instead of one per connection,
 * so an idle stream costs a Map entry, not a timer. Connections are dealt round-robin into
 * slots and each tick beats one slot: with a 10 s interval, 10,000 streams get 25 writes
 * every 25 ms. Writing to them all at once stalled the event loop for tens of milliseconds
 * (a socket write costs ~80 us here), and so did 500 writes every half second. Each
 * connection beats once per interval, the first time at least half an interval after it
 * joined (a ping right after `connected` would only be noise).
 */
export function createHeartbeat(intervalMs: number): Heartbeat {
  const count = Math.max(1, Math.round(intervalMs / TICK_MS));
  /** Per slot: each connection's beat and the tick it joined at. */
  const slots = Array.from({ length: count }, () => new Map<() => void, number>());
  let size = 0;
  let nextSlot = 0;
  let tick = 0;
  let timer: NodeJS.Timeout | null = null;
  return {
    add(beat: () => void): () => void {
      const slot = slots[nextSlot % count] ?? new Map<() => void, number>();
      nextSlot += 1;
      slot.set(beat, tick);
      size += 1;
      timer ??= setInterval(() => {
        tick += 1;
        for (const [b, joined] of slots[tick % count] ?? []) {
          if (tick - joined >= count / 2) b();
        }
      }, TICK_MS).unref();
      return () => {
        if (!slot.delete(beat)) return;
        size -= 1;
        if (size === 0 && timer) {
          clearInterval(timer);
          timer = null;
        }
      };
    },
  };
}

const shared = new Map<number, Heartbeat>();

/** The process's heartbeat for `intervalMs`: every stream route with that interval shares it. */
export function sharedHeartbeat(intervalMs: number): Heartbeat {
  let heartbeat = shared.get(intervalMs);
  if (!heartbeat) {
    heartbeat = createHeartbeat(intervalMs);
    shared.set(intervalMs, heartbeat);
  }
  return heartbeat;
}
