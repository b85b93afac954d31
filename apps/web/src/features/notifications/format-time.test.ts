import { describe, expect, it } from 'vitest';
import { badgeText, dayGroupOf, formatClockTime, groupByDay } from './format-time';

const now = new Date(2025, 2, 10, 12, 0, 0); // local time: Mar 10, 2025, 12:00

describe('formatClockTime', () => {
  it('leaves the date out for today', () => {
    expect(formatClockTime(new Date(2025, 2, 10, 9, 5), now, 'en-US')).toBe('9:05 AM');
    expect(formatClockTime(new Date(2025, 2, 9, 9, 5), now, 'en-US')).toBe('Mar 9, 9:05 AM');
  });
});

describe('dayGroupOf', () => {
  it('follows the calendar, not a 24-hour window', () => {
    expect(dayGroupOf(new Date(2025, 2, 10, 0, 1), now)).toBe('Today');
    expect(dayGroupOf(new Date(2025, 2, 9, 23, 59), now)).toBe('Yesterday');
    expect(dayGroupOf(new Date(2025, 2, 9, 0, 0), now)).toBe('Yesterday');
    expect(dayGroupOf(new Date(2025, 2, 8, 23, 59), now)).toBe('Earlier');
  });

  it('counts a future timestamp as today', () => {
    expect(dayGroupOf(new Date(2025, 2, 10, 12, 1), now)).toBe('Today');
  });

  it('handles month boundaries', () => {
    const firstOfMonth = new Date(2025, 3, 1, 8, 0);
    expect(dayGroupOf(new Date(2025, 2, 31, 20, 0), firstOfMonth)).toBe('Yesterday');
  });
});

describe('groupByDay', () => {
  it('groups in order and skips empty groups', () => {
    const dates = [
      new Date(2025, 2, 10, 11),
      new Date(2025, 2, 10, 9),
      new Date(2025, 2, 1),
      new Date(2025, 1, 1),
    ];
    expect(groupByDay(dates, (d) => d, now)).toEqual([
      { group: 'Today', items: [dates[0], dates[1]] },
      { group: 'Earlier', items: [dates[2], dates[3]] },
    ]);
  });

  it('returns nothing for nothing', () => {
    expect(groupByDay([], (d: Date) => d, now)).toEqual([]);
  });
});

describe('badgeText', () => {
  it.each([
    [0, null],
    [-1, null],
    [1, '1'],
    [99, '99'],
    [100, '99+'],
    [12_345, '99+'],
  ])('%i → %s', (count, expected) => {
    expect(badgeText(count)).toBe(expected);
  });
});
