import { describe, expect, it } from 'vitest';
import { formatDue } from './due-date';

const now = new Date(2025, 2, 10, 12, 0); // local: Mar 10, 2025, 12:00

describe('formatDue', () => {
  it('is null without a (valid) date', () => {
    expect(formatDue(null, '10:00', now)).toBeNull();
    expect(formatDue('soon', null, now)).toBeNull();
  });

  it.each([
    ['2025-03-10', null, 'Today', false],
    ['2025-03-11', null, 'Tomorrow', false],
    ['2025-03-09', null, 'Yesterday', true],
    ['2025-03-20', null, 'Mar 20', false],
    ['2026-01-02', null, 'Jan 2, 2026', false],
    ['2025-03-10', '09:30', 'Today, 9:30 AM', true],
    ['2025-03-10', '14:00:00', 'Today, 2:00 PM', false],
  ])('%s %s reads "%s" (overdue: %s)', (date, time, text, overdue) => {
    expect(formatDue(date, time, now, 'en-US')).toMatchObject({ text, overdue });
  });

  it('gives the full date for a tooltip', () => {
    expect(formatDue('2025-03-11', '09:00', now, 'en-US')?.exact).toBe(
      'Tuesday, March 11, 2025 at 9:00 AM',
    );
  });
});
