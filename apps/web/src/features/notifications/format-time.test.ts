import { describe, expect, it } from 'vitest';
import {
  badgeText,
  dayGroupOf,
  formatClockTime,
  formatRelativeTime,
  groupByDay,
} from './format-time';

const now = new Date(2025, 2, 10, 12, 0, 0); // local time: Mar 10, 2025, 12:00
const ago = (ms: number) => new Date(now.getTime() - ms);
const MIN = 60_000;

describe('formatRelativeTime', () => {
  it.each([
    [0, 'Just now'],
    [30_000, 'Just now'],
    [-20_000, 'Just now'], // a server clock slightly ahead
    [50_000, '1 min ago'],
    [2 * MIN, '2 min ago'],
    [59 * MIN, '59 min ago'],
    [60 * MIN, '1 h ago'],
    [23 * 60 * MIN, '23 h ago'],
    [24 * 60 * MIN, '1 d ago'],
    [6 * 24 * 60 * MIN, '6 d ago'],
  ])('%i ms ago reads "%s"', (elapsed, expected) => {
    expect(formatRelativeTime(ago(elapsed), now, 'en-US')).toBe(expected);
  });

  it('shows the date after a week, with the year only when it differs', () => {
    expect(formatRelativeTime(new Date(2025, 1, 3), now, 'en-US')).toBe('Feb 3');
    expect(formatRelativeTime(new Date(2024, 11, 24), now, 'en-US')).toBe('Dec 24, 2024');
  });
});

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
