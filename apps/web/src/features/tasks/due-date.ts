/** A task's due date as the list shows it. Pure, for tests. */

export interface DueLabel {
  /** "Today", "Tomorrow, 2:00 PM", "Mar 4". */
  text: string;
  /** The full date for a tooltip. */
  exact: string;
  overdue: boolean;
}

function parseDate(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function withTime(date: Date, time: string | null): Date {
  const match = time ? /^(\d{2}):(\d{2})/.exec(time) : null;
  if (!match) return date;
  const at = new Date(date);
  at.setHours(Number(match[1]), Number(match[2]));
  return at;
}

const DAY = 86_400_000;

// Building an Intl formatter costs far more than using one; a list formats many dates.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string | undefined, options: Intl.DateTimeFormatOptions) {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, cached);
  }
  return cached;
}

/**
 * "Today", "Tomorrow", "Yesterday" or the date, plus the time when there is one. Overdue once
 * the moment has passed: the end of the day without a time, the time with one.
 */
export function formatDue(
  dueDate: string | null,
  dueTime: string | null,
  now: Date,
  locale?: string,
): DueLabel | null {
  const day = dueDate ? parseDate(dueDate) : null;
  if (!day) return null;
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const days = Math.round((day.getTime() - today.getTime()) / DAY);
  const dayText =
    days === 0
      ? 'Today'
      : days === 1
        ? 'Tomorrow'
        : days === -1
          ? 'Yesterday'
          : formatter(locale, {
              month: 'short',
              day: 'numeric',
              ...(day.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
            }).format(day);
  const at = withTime(day, dueTime);
  const time =
    dueTime && at !== day
      ? formatter(locale, { hour: 'numeric', minute: '2-digit' }).format(at)
      : null;
  const deadline = time ? at.getTime() : day.getTime() + DAY;
  return {
    text: time ? `${dayText}, ${time}` : dayText,
    exact: formatter(locale, {
      dateStyle: 'full',
      ...(time ? { timeStyle: 'short' } : {}),
    }).format(at),
    overdue: deadline <= now.getTime(),
  };
}
