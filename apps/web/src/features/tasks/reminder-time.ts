/** Reminder times: the quick options, and the `datetime-local` control's local strings. */

export type QuickOption = 'in-1-minute' | 'in-1-hour' | 'tomorrow-9';

export const quickOptions: readonly { id: QuickOption; label: string }[] = [
  { id: 'in-1-minute', label: 'In 1 minute' },
  { id: 'in-1-hour', label: 'In 1 hour' },
  { id: 'tomorrow-9', label: 'Tomorrow 9:00' },
];

export function quickOptionTime(option: QuickOption, now: Date): Date {
  switch (option) {
    case 'in-1-minute':
      return new Date(now.getTime() + 60_000);
    case 'in-1-hour':
      return new Date(now.getTime() + 3_600_000);
    case 'tomorrow-9':
      return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0, 0, 0);
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A local `YYYY-MM-DDTHH:MM`, with `:SS` only when the seconds are not zero. */
export function toDateTimeLocal(date: Date): string {
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  const seconds = date.getSeconds();
  return `${day}T${time}${seconds ? `:${pad(seconds)}` : ''}`;
}

const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/** Reads a `datetime-local` value as local time; null when it is not one. */
export function fromDateTimeLocal(value: string): Date | null {
  const match = localPattern.exec(value.trim());
  if (!match) return null;
  const [, year, month, day, hours, minutes, seconds, ms] = match;
  const date = new Date(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hours),
    Number(minutes),
    Number(seconds ?? 0),
    Number((ms ?? '0').padEnd(3, '0')),
  );
  // Reject dates that rolled over (Feb 30 → Mar 2).
  return date.getDate() === Number(day) && date.getMonth() === Number(month) - 1 ? date : null;
}

function dayNumber(date: Date): number {
  return Math.round(
    new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime() / 86_400_000,
  );
}

/** When a reminder goes off, briefly: "10:42 AM", "tomorrow, 9:00 AM", "Mar 4, 9:00 AM". */
export function formatReminderTime(date: Date, now: Date, locale?: string): string {
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(date);
  const days = dayNumber(date) - dayNumber(now);
  if (days === 0) return time;
  if (days === 1) return `tomorrow, ${time}`;
  const day = new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    ...(date.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
  }).format(date);
  return `${day}, ${time}`;
}

interface ReminderLike {
  taskId: string;
  remindAt: string;
  status: 'scheduled' | 'fired' | 'cancelled';
}

/** Each task's soonest reminder that is still to go off. */
export function nextReminderByTask<R extends ReminderLike>(
  reminders: readonly R[],
  now: Date,
): Map<string, R> {
  const next = new Map<string, R>();
  for (const reminder of reminders) {
    const at = Date.parse(reminder.remindAt);
    if (reminder.status !== 'scheduled' || at <= now.getTime()) continue;
    const current = next.get(reminder.taskId);
    if (!current || at < Date.parse(current.remindAt)) next.set(reminder.taskId, reminder);
  }
  return next;
}
