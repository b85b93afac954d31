import { describe, expect, it } from 'vitest';
import { applyRecordChange } from './record-updates';
import { idsOf, makeTask, pagedOf } from './test-records';

describe('applyRecordChange', () => {
  const a = makeTask('a', { minutesAgo: 1 });
  const b = makeTask('b', { minutesAgo: 2 });
  const c = makeTask('c', { minutesAgo: 3 });

  it('replaces the row in place with a newer version', () => {
    const data = pagedOf([a, b, c]);
    const done = {
      ...b,
      status: 'done' as const,
      updatedAt: makeTask('b', { version: 1 }).updatedAt,
    };
    const next = applyRecordChange(data, done, true);
    expect(idsOf(next)).toEqual([['a', 'b', 'c']]);
    expect(next.pages[0]?.items[1]).toBe(done);
    expect(next.pages[0]?.items[0]).toBe(a);
  });

  it('drops the row when the record no longer belongs in the list', () => {
    const moved = makeTask('b', { minutesAgo: 2, version: 1, assigneeId: 'someone-else' });
    expect(idsOf(applyRecordChange(pagedOf([a, b], [c]), moved, false))).toEqual([['a'], ['c']]);
  });

  it('inserts a record that newly belongs in its sorted place', () => {
    expect(idsOf(applyRecordChange(pagedOf([a, c]), b, true))).toEqual([['a', 'b', 'c']]);
    expect(idsOf(applyRecordChange(pagedOf([b, c]), a, true))).toEqual([['a', 'b', 'c']]);
    expect(idsOf(applyRecordChange(pagedOf([]), a, true))).toEqual([['a']]);
    expect(idsOf(applyRecordChange(pagedOf([a, b]), c, true))).toEqual([['a', 'b', 'c']]);
  });

  it('leaves a record older than everything loaded to "load more" while pages remain', () => {
    const older = makeTask('d', { minutesAgo: 9 });
    const partial = { pages: [{ items: [a, b], nextCursor: 'more' }], pageParams: [null] };
    expect(applyRecordChange(partial, older, true)).toBe(partial);
    expect(idsOf(applyRecordChange(pagedOf([a, b], [c]), older, true))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('never goes back to an older snapshot: replays and late echoes change nothing', () => {
    const newer = makeTask('b', { minutesAgo: 2, version: 5, status: 'done' });
    const data = pagedOf([a, newer, c]);
    expect(applyRecordChange(data, makeTask('b', { minutesAgo: 2, version: 1 }), true)).toBe(data);
    // An older "not yours any more" does not remove the newer row either.
    expect(applyRecordChange(data, makeTask('b', { minutesAgo: 2, version: 1 }), false)).toBe(data);
  });

  it('is idempotent: the same version twice leaves the same object', () => {
    const data = pagedOf([a, b, c]);
    const changed = makeTask('b', { minutesAgo: 2, version: 1, status: 'in_progress' });
    const once = applyRecordChange(data, changed, true);
    expect(applyRecordChange(once, { ...changed }, true)).toBe(once);
    const removed = applyRecordChange(once, makeTask('b', { minutesAgo: 2, version: 2 }), false);
    expect(applyRecordChange(removed, makeTask('b', { minutesAgo: 2, version: 2 }), false)).toBe(
      removed,
    );
    expect(applyRecordChange(data, makeTask('x'), false)).toBe(data);
  });
});
