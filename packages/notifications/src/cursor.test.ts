import { describe, expect, it } from 'vitest';
import { cursorSchema, encodeCursor } from './cursor';

const indexMember = cursorSchema(/\d{15}:[A-Za-z0-9_-]{1,64}/);

describe('cursor codec', () => {
  it('round-trips a payload that matches the pattern', () => {
    const member = '001767258000000:task-1';
    expect(indexMember.parse(encodeCursor(member))).toBe(member);
  });

  it("rejects a cursor whose payload does not match with an 'Invalid cursor' issue", () => {
    for (const cursor of ['not-a-cursor', encodeCursor('12:x'), encodeCursor('')]) {
      const result = indexMember.safeParse(cursor);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.message)).toEqual(['Invalid cursor']);
    }
  });

  it('matches the whole payload, even when the pattern is not anchored', () => {
    const member = '001767258000000:task-1';
    expect(indexMember.safeParse(encodeCursor(`x${member}`)).success).toBe(false);
    expect(indexMember.safeParse(encodeCursor(`${member}:x`)).success).toBe(false);
  });

  it('gives the same answer every time for a pattern with the g flag', () => {
    const schema = cursorSchema(/[a-z]+/g);
    const cursor = encodeCursor('abc');
    expect([schema.parse(cursor), schema.parse(cursor)]).toEqual(['abc', 'abc']);
  });

  it('rejects an over-long cursor before decoding it', () => {
    expect(indexMember.safeParse('A'.repeat(201)).success).toBe(false);
  });
});
