import { describe, expect, it } from 'vitest';
import { isAfter, nextStatus } from './stream-status';

describe('isAfter', () => {
  it('compares stream ids numerically, not as strings', () => {
    expect(isAfter('1700000000010-0', '1700000000009-5')).toBe(true);
    expect(isAfter('1700000000009-10', '1700000000009-9')).toBe(true);
    expect(isAfter('1700000000009-9', '1700000000009-9')).toBe(false);
    expect(isAfter('1700000000008-0', '1700000000009-0')).toBe(false);
  });

  it('treats anything as new when nothing was seen or the id is unreadable', () => {
    expect(isAfter('0-0', null)).toBe(true);
    expect(isAfter('weird', '1-0')).toBe(true);
  });
});

describe('nextStatus', () => {
  const live = { state: 'live' as const, since: 100 };

  it('keeps the same object for a repeated state', () => {
    expect(nextStatus(live, 'live', 500)).toBe(live);
  });

  it('starts a new period on a change', () => {
    expect(nextStatus(live, 'reconnecting', 500)).toEqual({ state: 'reconnecting', since: 500 });
  });

  it('dates "offline" from when the connection was lost', () => {
    const reconnecting = { state: 'reconnecting' as const, since: 500 };
    expect(nextStatus(reconnecting, 'offline', 10_500)).toEqual({ state: 'offline', since: 500 });
  });
});
