import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { placeServerError, serverFieldErrors, validateWith } from './form-errors';

describe('validateWith', () => {
  const schema = z.object({
    name: z.string().trim().min(1, 'Name is required').max(5),
    email: z.email().optional(),
    value: z.number().optional(),
    when: z.iso.datetime({ offset: true }).optional(),
  });

  it('returns the output when the input is valid', () => {
    expect(validateWith(schema, { name: ' Ana ' })).toEqual({ data: { name: 'Ana' }, errors: {} });
  });

  it("keeps the schema's own messages and words zod's defaults plainly", () => {
    expect(
      validateWith(schema, { name: '', email: 'nope', value: Number.NaN, when: 'x' }).errors,
    ).toEqual({
      name: 'Name is required',
      email: 'Enter a valid email address',
      value: 'Enter a number',
      when: 'Enter a valid date and time',
    });
    expect(validateWith(schema, { name: 'Longer name' }).errors).toEqual({
      name: 'Use at most 5 characters',
    });
  });
});

describe('serverFieldErrors', () => {
  it("reads the first message per field from the server's flattened zod error", () => {
    const error = TRPCClientError.from({
      error: {
        code: -32600,
        message: 'bad',
        data: {
          code: 'BAD_REQUEST',
          zodError: { formErrors: [], fieldErrors: { email: ['Enter a valid email', 'x'] } },
        },
      },
    });
    expect(serverFieldErrors(error)).toEqual({ email: 'Enter a valid email' });
  });

  it('is empty for anything else', () => {
    expect(serverFieldErrors(new Error('x'))).toEqual({});
  });
});

describe('placeServerError', () => {
  const refusal = (code: string, message: string, fieldErrors?: Record<string, string[]>) =>
    TRPCClientError.from({
      error: {
        code: -32600,
        message,
        data: { code, zodError: fieldErrors ? { formErrors: [], fieldErrors } : null },
      },
    });

  it('puts field errors under the fields the form has', () => {
    expect(
      placeServerError(refusal('BAD_REQUEST', 'raw', { email: ['Bad email'] }), ['email']),
    ).toEqual({ fieldErrors: { email: 'Bad email' }, message: null });
  });

  it("shows the server's message when no field of the form is named", () => {
    expect(
      placeServerError(refusal('FORBIDDEN', 'Only managers can assign leads'), ['name']),
    ).toEqual({ fieldErrors: {}, message: 'Only managers can assign leads' });
  });

  it('ties a code to a field when the form says so', () => {
    const conflict = refusal('CONFLICT', 'An approver group named "x" already exists');
    expect(placeServerError(conflict, ['name'], { CONFLICT: 'name' })).toEqual({
      fieldErrors: { name: 'An approver group named "x" already exists' },
      message: null,
    });
  });
});
