/** "2 min ago": how a list or an inbox says when something happened. Pure, for tests. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "Just now", "2 min ago", "3 h ago", "4 d ago", then the date ("Mar 3", "Mar 3, 2024"). */
export function formatRelativeTime(date: Date, now: Date, locale?: string): string {
  const elapsed = now.getTime() - date.getTime();
  // A clock a little ahead of ours is still "just now", not "in 3 s".
  if (elapsed < 45_000) return 'Just now';
  if (elapsed < HOUR) return `${Math.max(1, Math.round(elapsed / MINUTE))} min ago`;
  if (elapsed < DAY) return `${Math.floor(elapsed / HOUR)} h ago`;
  if (elapsed < 7 * DAY) return `${Math.floor(elapsed / DAY)} d ago`;
  return new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    ...(date.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
  }).format(date);
}
