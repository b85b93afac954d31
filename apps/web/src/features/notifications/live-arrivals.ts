/**
 * Notifications that arrived over the stream in the last few seconds, so the list can slide
 * just those in (not everything a refetch or "load more" brings).
 */
const arrivals = new Map<string, number>();
const WINDOW_MS = 4_000;

export function markArrived(id: string, now = Date.now()): void {
  arrivals.set(id, now);
  for (const [other, at] of arrivals) {
    if (now - at > WINDOW_MS) arrivals.delete(other);
  }
}

export function arrivedRecently(id: string, now = Date.now()): boolean {
  const at = arrivals.get(id);
  return at !== undefined && now - at <= WINDOW_MS;
}
