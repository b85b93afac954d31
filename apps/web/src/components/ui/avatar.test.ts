import { describe, expect, it } from 'vitest';
import { initialsOf } from './avatar';

describe('initialsOf', () => {
  it('takes the first and last names', () => {
    expect(initialsOf('Dana Whitfield')).toBe('DW');
    expect(initialsOf('Priya  Anand Shah')).toBe('PS');
    expect(initialsOf('cher')).toBe('C');
  });

  it('skips words that do not start with a letter', () => {
    expect(initialsOf('Sam Sales 25fe')).toBe('SS');
    expect(initialsOf('Émile Zola 3rd')).toBe('ÉZ');
    expect(initialsOf('42')).toBe('4');
  });
});
