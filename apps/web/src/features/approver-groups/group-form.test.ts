import { describe, expect, it } from 'vitest';
import { emptyGroupForm, validateGroupForm } from './group-form';

describe('validateGroupForm', () => {
  it('needs a name', () => {
    expect(validateGroupForm(emptyGroupForm).errors).toEqual({ name: 'Name is required' });
  });

  it('trims, leaves an empty description out and keeps the members', () => {
    expect(
      validateGroupForm({ name: ' Finance ', description: '  ', memberIds: ['a', 'b'] }).data,
    ).toEqual({ name: 'Finance', memberIds: ['a', 'b'] });
  });

  it('words a long name plainly', () => {
    expect(validateGroupForm({ ...emptyGroupForm, name: 'x'.repeat(121) }).errors).toEqual({
      name: 'Use at most 120 characters',
    });
  });
});
