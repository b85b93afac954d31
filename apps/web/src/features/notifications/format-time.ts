/** Dates as an inbox shows them: exact and clock times, grouped by day. Pure, for tests. */

/** The full timestamp for a tooltip: "Mar 3, 2025, 10:42 AM". */
export function formatExactTime(date: Date, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A time of day, with the date only when it is not today: "10:42" or "Mar 3, 10:42". */
export function formatClockTime(date: Date, now: Date, locale?: string): string {
  const sameDay = startOfDay(date) === startOfDay(now);
  return new Intl.DateTimeFormat(locale, {
    ...(sameDay ? {} : { month: 'short', day: 'numeric' }),
    hour: 'numeric',
    minute: '2-digit',
  }).format(date);
}

export type DayGroup = 'Today' | 'Yesterday' | 'Earlier';

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** Which heading a date falls under, by the local calendar (not "within 24 hours"). */
export function dayGroupOf(date: Date, now: Date): DayGroup {
  const today = startOfDay(now);
  const day = startOfDay(date);
  if (day >= today) return 'Today';
  const yesterday = startOfDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1));
  return day >= yesterday ? 'Yesterday' : 'Earlier';
}

/**
 * Splits a newest-first list into Today / Yesterday / Earlier, keeping the order within each
 * group and omitting empty groups.
 */
export function groupByDay<T>(
  items: readonly T[],
  dateOf: (item: T) => Date,
  now: Date,
): { group: DayGroup; items: T[] }[] {
  const buckets: Record<DayGroup, T[]> = { Today: [], Yesterday: [], Earlier: [] };
  for (const item of items) buckets[dayGroupOf(dateOf(item), now)].push(item);
  return (['Today', 'Yesterday', 'Earlier'] as const)
    .map((group) => ({ group, items: buckets[group] }))
    .filter((entry) => entry.items.length > 0);
}

/** The bell's badge: nothing at 0, the number up to 99, then "99+". */
export function badgeText(count: number): string | null {
  if (count <= 0) return null;
  return count > 99 ? '99+' : String(count);
}
