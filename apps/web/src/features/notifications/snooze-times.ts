import { SNOOZE_MAX_DAYS } from '@acme/contracts';

/** When a snoozed notification comes back: the menu's presets and the custom time. Pure. */

export type SnoozePreset = 'hour' | 'tomorrow' | 'nextWeek';

export const snoozePresets: { preset: SnoozePreset; label: string }[] = [
  { preset: 'hour', label: '1 hour' },
  { preset: 'tomorrow', label: 'Tomorrow' },
  { preset: 'nextWeek', label: 'Next week' },
];

function atNine(year: number, month: number, day: number): Date {
  return new Date(year, month, day, 9, 0, 0, 0);
}

/** The time a preset stands for, in local time: next week is the coming Monday at 9:00. */
export function presetTime(preset: SnoozePreset, now: Date): Date {
  const [y, m, d] = [now.getFullYear(), now.getMonth(), now.getDate()];
  switch (preset) {
    case 'hour':
      return new Date(now.getTime() + 3_600_000);
    case 'tomorrow':
      return atNine(y, m, d + 1);
    case 'nextWeek': {
      const daysToMonday = (8 - now.getDay()) % 7 || 7;
      return atNine(y, m, d + daysToMonday);
    }
  }
}

const pad = (value: number) => String(value).padStart(2, '0');

/** A Date as an `<input type="datetime-local">` value, in local time, to the minute. */
export function toDateTimeLocal(date: Date): string {
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

export const maxSnoozeMs = SNOOZE_MAX_DAYS * 24 * 3_600_000;

/** Reads the custom time; the message says what is wrong with it, as the server would. */
export function parseCustomTime(
  value: string,
  now: Date,
): { ok: true; until: Date } | { ok: false; message: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return { ok: false, message: 'Pick a date and time' };
  const [, y, mo, d, h, mi, s] = match;
  const until = new Date(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s || 0),
  );
  if (Number.isNaN(until.getTime())) return { ok: false, message: 'Pick a date and time' };
  if (until.getTime() <= now.getTime()) return { ok: false, message: 'Pick a time in the future' };
  if (until.getTime() > now.getTime() + maxSnoozeMs) {
    return { ok: false, message: `Snooze for at most ${SNOOZE_MAX_DAYS} days` };
  }
  return { ok: true, until };
}

function dayNumber(date: Date): number {
  return Math.round(
    new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime() / 864e5,
  );
}

/** When it comes back, briefly: "15:30", "tomorrow, 9:00", "Mon, Mar 17, 9:00". */
export function formatReturnTime(date: Date, now: Date, locale?: string): string {
  const clock = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(
    date,
  );
  const days = dayNumber(date) - dayNumber(now);
  if (days === 0) return clock;
  if (days === 1) return `tomorrow, ${clock}`;
  const day = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
  }).format(date);
  return `${day}, ${clock}`;
}

/** The menu's hint beside a preset: the clock time within the day, else day and time. */
export function formatPresetHint(date: Date, now: Date, locale?: string): string {
  const clock = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(
    date,
  );
  if (dayNumber(date) === dayNumber(now)) return clock;
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short' }).format(date);
  return `${weekday} ${clock}`;
}
