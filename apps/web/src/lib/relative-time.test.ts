import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from './relative-time';

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
