import { describe, expect, it } from 'vitest';
import { flattenPages } from './flatten-pages';

describe('flattenPages', () => {
  it('keeps order and drops an item repeated across a page boundary', () => {
    const pages = [{ items: [{ id: 'c' }, { id: 'b' }] }, { items: [{ id: 'b' }, { id: 'a' }] }];
    expect(flattenPages({ pages }).map((i) => i.id)).toEqual(['c', 'b', 'a']);
  });

  it('is empty before anything loaded', () => {
    expect(flattenPages(undefined)).toEqual([]);
  });
});
