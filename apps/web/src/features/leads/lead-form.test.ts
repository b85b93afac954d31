import { describe, expect, it } from 'vitest';
import { emptyLeadForm, formatAmount, parseAmount, validateLeadForm } from './lead-form';

describe('parseAmount', () => {
  it.each([
    ['', undefined],
    ['  ', undefined],
    ['12000', 12000],
    ['12,000', 12000],
    ['$ 12,000.50', 12000.5],
    ['.5', 0.5],
    ['-3', -3],
  ])('reads %j as %s', (text, expected) => {
    expect(parseAmount(text)).toBe(expected);
  });

  it('is NaN for what is not an amount', () => {
    expect(parseAmount('twelve')).toBeNaN();
    expect(parseAmount('1e3')).toBeNaN();
    expect(parseAmount('1.2.3')).toBeNaN();
  });
});

describe('validateLeadForm', () => {
  it('needs a name; everything else is optional', () => {
    expect(validateLeadForm(emptyLeadForm).errors).toEqual({ name: 'Name is required' });
    expect(validateLeadForm({ ...emptyLeadForm, name: ' Globex ' }).data).toEqual({
      name: 'Globex',
    });
  });

  it("shows the shared schema's messages for a bad email and a negative value", () => {
    const result = validateLeadForm({
      ...emptyLeadForm,
      name: 'Globex',
      email: 'not-an-email',
      value: '-5',
    });
    expect(result.errors).toEqual({
      email: 'Enter a valid email address',
      value: 'Value cannot be negative',
    });
  });

  it('asks for a number when the value is not one', () => {
    expect(validateLeadForm({ ...emptyLeadForm, name: 'x', value: 'lots' }).errors).toEqual({
      value: 'Enter a number',
    });
  });

  it('sends trimmed fields and the parsed value', () => {
    expect(
      validateLeadForm({
        name: 'Globex',
        company: ' Globex Corp ',
        email: ' ana@globex.test ',
        phone: '+1 555 0100',
        value: '12,000',
        source: 'Referral',
      }).data,
    ).toEqual({
      name: 'Globex',
      company: 'Globex Corp',
      email: 'ana@globex.test',
      phone: '+1 555 0100',
      value: 12000,
      source: 'Referral',
    });
  });
});

describe('formatAmount', () => {
  it('shows cents only when there are some', () => {
    expect(formatAmount(12000, 'en-US')).toBe('$12,000');
    expect(formatAmount(12000.5, 'en-US')).toBe('$12,000.50');
  });
});
