import { describe, expect, it } from 'vitest';
import { emptyBurst, nextBurst, type BurstDecision, type BurstState } from './burst';

function arrive(times: number[], summaryShowing = false): BurstDecision[] {
  let state: BurstState = emptyBurst;
  return times.map((at, i) => {
    const next = nextBurst(state, `n${i}`, at, summaryShowing);
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

  it('keeps counting into the summary while it is on screen, however slow the arrivals', () => {
    expect(arrive([0, 100, 200, 1_500, 4_000], true).slice(3)).toEqual([
      { kind: 'summary', count: 4, replaces: [] },
      { kind: 'summary', count: 5, replaces: [] },
    ]);
  });

  it('starts over once the summary has gone', () => {
    let state: BurstState = emptyBurst;
    for (const [i, at] of [0, 100, 200].entries()) state = nextBurst(state, `n${i}`, at).state;
    expect(nextBurst(state, 'late', 6_000, false).decision).toEqual({ kind: 'single' });
  });
});
