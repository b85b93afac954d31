import { describe, expect, it, vi } from 'vitest';
import { fakeLockManager } from './fake-locks';
import { requestLeadership } from './leader-lock';

describe('requestLeadership', () => {
  it('lets one tab lead at a time, and hands over in request order', async () => {
    const locks = fakeLockManager();
    const led: string[] = [];
    const first = requestLeadership(locks, 'lock', () => led.push('first'));
    const second = requestLeadership(locks, 'lock', () => led.push('second'));
    const third = requestLeadership(locks, 'lock', () => led.push('third'));
    expect(led).toEqual(['first']);

    first.release();
    await vi.waitFor(() => {
      expect(led).toEqual(['first', 'second']);
    });
    second.release();
    await vi.waitFor(() => {
      expect(led).toEqual(['first', 'second', 'third']);
    });
    third.release();
  });

  it('never leads once released while still waiting, and passes its turn on', async () => {
    const locks = fakeLockManager();
    const led: string[] = [];
    const holder = requestLeadership(locks, 'lock', () => led.push('holder'));
    const gaveUp = requestLeadership(locks, 'lock', () => led.push('gave up'));
    const next = requestLeadership(locks, 'lock', () => led.push('next'));

    gaveUp.release();
    holder.release();
    await vi.waitFor(() => {
      expect(led).toEqual(['holder', 'next']);
    });
    next.release();
  });

  it('can be released twice', async () => {
    const locks = fakeLockManager();
    const onLead = vi.fn();
    const lock = requestLeadership(locks, 'lock', onLead);
    lock.release();
    lock.release();
    const after = vi.fn();
    const next = requestLeadership(locks, 'lock', after);
    await vi.waitFor(() => {
      expect(after).toHaveBeenCalledOnce();
    });
    expect(onLead).toHaveBeenCalledOnce();
    next.release();
  });
});
