import { describe, expect, it } from 'vitest';
import {
  formatPresetHint,
  formatReturnTime,
  parseCustomTime,
  presetTime,
  toDateTimeLocal,
} from './snooze-times';

// Wednesday, March 12 2025, 14:20 local time.
const now = new Date(2025, 2, 12, 14, 20);

describe('presetTime', () => {
  it('1 hour is an hour from now', () => {
    expect(presetTime('hour', now).getTime() - now.getTime()).toBe(3_600_000);
  });

  it('tomorrow is 9:00 the next day, across a month end too', () => {
    expect(presetTime('tomorrow', now)).toEqual(new Date(2025, 2, 13, 9, 0));
    expect(presetTime('tomorrow', new Date(2025, 2, 31, 23, 0))).toEqual(new Date(2025, 3, 1, 9));
  });

  it('next week is the coming Monday at 9:00, a full week ahead on a Monday', () => {
    expect(presetTime('nextWeek', now)).toEqual(new Date(2025, 2, 17, 9, 0));
    expect(presetTime('nextWeek', new Date(2025, 2, 17, 8, 0))).toEqual(new Date(2025, 2, 24, 9));
    expect(presetTime('nextWeek', new Date(2025, 2, 16, 20, 0))).toEqual(new Date(2025, 2, 17, 9));
  });
});

describe('parseCustomTime', () => {
  it('reads a datetime-local value as local time', () => {
    expect(parseCustomTime('2025-03-12T15:05', now)).toEqual({
      ok: true,
      until: new Date(2025, 2, 12, 15, 5),
    });
    expect(toDateTimeLocal(new Date(2025, 2, 12, 15, 5))).toBe('2025-03-12T15:05');
  });

  it('refuses the past, more than 90 days ahead, and nothing at all', () => {
    expect(parseCustomTime('2025-03-12T14:00', now)).toMatchObject({ ok: false });
    expect(parseCustomTime('2025-07-01T09:00', now)).toEqual({
      ok: false,
      message: 'Snooze for at most 90 days',
    });
    expect(parseCustomTime('', now)).toEqual({ ok: false, message: 'Pick a date and time' });
  });
});

describe('formatReturnTime', () => {
  it('says the clock time today, "tomorrow", else the day', () => {
    expect(formatReturnTime(new Date(2025, 2, 12, 16, 0), now, 'en-GB')).toBe('16:00');
    expect(formatReturnTime(new Date(2025, 2, 13, 9, 0), now, 'en-GB')).toBe('tomorrow, 9:00');
    expect(formatReturnTime(new Date(2025, 2, 17, 9, 0), now, 'en-GB')).toBe('Mon 17 Mar, 9:00');
  });
});

describe('formatPresetHint', () => {
  it('gives the clock within the day, else the weekday too', () => {
    expect(formatPresetHint(new Date(2025, 2, 12, 15, 20), now, 'en-GB')).toBe('15:20');
    expect(formatPresetHint(new Date(2025, 2, 17, 9, 0), now, 'en-GB')).toBe('Mon 9:00');
  });
});
