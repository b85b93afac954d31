/** How often the timer ticks; each tick beats one slice of the connections. */
const TICK_MS = 25;

/**
 * One timer for all SSE connections that share an interval, instead of one per connection,
 * so an idle stream costs a Set entry, not a timer. Connections are dealt round-robin into
 * slots and each tick beats one slot: with a 10 s interval, 10,000 streams get 25 writes
 * every 25 ms. Writing to them all at once stalled the event loop for tens of milliseconds
 * (a socket write costs ~80 us here), and so did 500 writes every half second. Each
 * connection still beats once per interval.
 */
export function createHeartbeat(intervalMs: number) {
  const SLOTS = Math.max(1, Math.round(intervalMs / TICK_MS));
  const slots = Array.from({ length: SLOTS }, () => new Set<() => void>());
  let size = 0;
  let nextSlot = 0;
  let tick = 0;
  let timer: NodeJS.Timeout | null = null;
  return {
    add(beat: () => void): () => void {
      const slot = slots[nextSlot % SLOTS] ?? new Set();
      nextSlot += 1;
      slot.add(beat);
      size += 1;
      timer ??= setInterval(() => {
        for (const b of slots[tick % SLOTS] ?? []) b();
        tick += 1;
      }, intervalMs / SLOTS).unref();
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
