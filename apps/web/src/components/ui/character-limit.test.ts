import { describe, expect, it } from 'vitest';
import { characterLimitState, limitReachedMessage } from './character-limit';

describe('characterLimitState', () => {
  it('stays hidden below 80% of the limit', () => {
    expect(characterLimitState(0, 200).near).toBe(false);
    expect(characterLimitState(159, 200).near).toBe(false);
  });

  it('counts from 80% on and says how many are left', () => {
    expect(characterLimitState(160, 200)).toEqual({
      near: true,
      full: false,
      count: '160 / 200',
      spoken: '40 characters left of 200',
    });
    expect(characterLimitState(199, 200).spoken).toBe('1 character left of 200');
  });

  it('is full at the limit', () => {
    expect(characterLimitState(200, 200)).toMatchObject({
      near: true,
      full: true,
      count: '200 / 200',
      spoken: 'No characters left of 200',
    });
  });

  it('groups thousands the same way in the count and the message', () => {
    expect(characterLimitState(4123, 5000).count).toBe('4,123 / 5,000');
    expect(limitReachedMessage(5000)).toBe("That's the limit: 5,000 characters");
  });
});
