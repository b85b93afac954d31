import { describe, expect, it } from 'vitest';
import {
  formatReminderTime,
  fromDateTimeLocal,
  nextReminderByTask,
  quickOptionTime,
  toDateTimeLocal,
} from './reminder-time';

const now = new Date(2025, 2, 10, 10, 41, 30); // local: Mar 10, 2025, 10:41:30

describe('quickOptionTime', () => {
  it('adds a minute or an hour to now', () => {
    expect(quickOptionTime('in-1-minute', now)).toEqual(new Date(2025, 2, 10, 10, 42, 30));
    expect(quickOptionTime('in-1-hour', now)).toEqual(new Date(2025, 2, 10, 11, 41, 30));
  });

  it('picks 9:00 on the next calendar day, across a month end', () => {
    expect(quickOptionTime('tomorrow-9', now)).toEqual(new Date(2025, 2, 11, 9, 0, 0));
    expect(quickOptionTime('tomorrow-9', new Date(2025, 2, 31, 23, 30))).toEqual(
      new Date(2025, 3, 1, 9, 0, 0),
    );
  });
});

describe('toDateTimeLocal / fromDateTimeLocal', () => {
  it('writes minutes, and seconds only when there are some', () => {
    expect(toDateTimeLocal(new Date(2025, 0, 5, 9, 3))).toBe('2025-01-05T09:03');
    expect(toDateTimeLocal(now)).toBe('2025-03-10T10:41:30');
  });

  it('round-trips local times', () => {
    for (const value of ['2025-01-05T09:03', '2025-03-10T10:41:30']) {
      const date = fromDateTimeLocal(value);
      expect(date).not.toBeNull();
      if (date) expect(toDateTimeLocal(date)).toBe(value);
    }
  });

  it('reads milliseconds and rejects what is not a local date-time', () => {
    expect(fromDateTimeLocal('2025-03-10T10:41:30.5')).toEqual(
      new Date(2025, 2, 10, 10, 41, 30, 500),
    );
    expect(fromDateTimeLocal('')).toBeNull();
    expect(fromDateTimeLocal('2025-03-10')).toBeNull();
    expect(fromDateTimeLocal('2025-03-10T10:41Z')).toBeNull();
    expect(fromDateTimeLocal('2025-02-30T10:00')).toBeNull();
  });
});

describe('formatReminderTime', () => {
  it('shows only the time today, "tomorrow" the next day, the date after that', () => {
    expect(formatReminderTime(new Date(2025, 2, 10, 10, 42), now, 'en-US')).toBe('10:42 AM');
    expect(formatReminderTime(new Date(2025, 2, 11, 9, 0), now, 'en-US')).toBe('tomorrow, 9:00 AM');
    expect(formatReminderTime(new Date(2025, 2, 14, 15, 5), now, 'en-US')).toBe('Mar 14, 3:05 PM');
    expect(formatReminderTime(new Date(2026, 0, 2, 8, 0), now, 'en-US')).toBe(
      'Jan 2, 2026, 8:00 AM',
    );
  });
});

describe('nextReminderByTask', () => {
  const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();

  it('keeps the soonest scheduled reminder still ahead, per task', () => {
    const reminders = [
      { id: 'a', taskId: 't1', remindAt: at(30), status: 'scheduled' as const },
      { id: 'b', taskId: 't1', remindAt: at(10), status: 'scheduled' as const },
      { id: 'c', taskId: 't1', remindAt: at(5), status: 'cancelled' as const },
      { id: 'd', taskId: 't2', remindAt: at(-1), status: 'scheduled' as const },
      { id: 'e', taskId: 't3', remindAt: at(1), status: 'fired' as const },
    ];
    const next = nextReminderByTask(reminders, now);
    expect([...next.entries()].map(([task, r]) => [task, r.id])).toEqual([['t1', 'b']]);
  });
});
