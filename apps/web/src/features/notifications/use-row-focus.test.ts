import { describe, expect, it } from 'vitest';
import { rowAfterKey } from './use-row-focus';

describe('rowAfterKey', () => {
  it('moves with the arrow keys and jumps with Home and End, staying on the rows', () => {
    expect(rowAfterKey('ArrowDown', 1, 4)).toBe(2);
    expect(rowAfterKey('ArrowUp', 1, 4)).toBe(0);
    expect(rowAfterKey('Home', 3, 4)).toBe(0);
    expect(rowAfterKey('End', 0, 4)).toBe(3);
    expect(rowAfterKey('ArrowDown', 3, 4)).toBe(3);
    expect(rowAfterKey('ArrowUp', 0, 4)).toBe(0);
  });

  it('leaves other keys alone', () => {
    expect(rowAfterKey('Enter', 1, 4)).toBeNull();
    expect(rowAfterKey('Tab', 1, 4)).toBeNull();
  });
});
