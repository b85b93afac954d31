import { describe, expect, it } from 'vitest';
import { emptyBurst, nextBurst, type BurstDecision, type BurstState } from './burst';

function arrive(times: number[]): BurstDecision[] {
  let state: BurstState = emptyBurst;
  return times.map((at, i) => {
    const next = nextBurst(state, `n${i}`, at);
    state = next.state;
    return next.decision;
  });
}

describe('nextBurst', () => {
  it('gives arrivals far apart a toast each', () => {
    expect(arrive([0, 2_000, 4_000]).map((d) => d.kind)).toEqual(['single', 'single', 'single']);
  });

  it('turns the third close arrival into one summary that counts on', () => {
    const decisions = arrive([0, 100, 200, 300, 900]);
    expect(decisions.slice(0, 2)).toEqual([{ kind: 'single' }, { kind: 'single' }]);
    expect(decisions[2]).toEqual({ kind: 'summary', count: 3, replaces: ['n0', 'n1'] });
    expect(decisions[4]).toEqual({ kind: 'summary', count: 5, replaces: [] });
  });

  it('ends the burst after a quiet second', () => {
    expect(arrive([0, 100, 200, 1_500])[3]).toEqual({ kind: 'single' });
  });
});
