import { TRPCClientError } from '@trpc/client';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import type { z } from 'zod';
import { describeError, getErrorCode } from '../../lib/errors';

/** The first message for each top-level field, as a form shows them under its fields. */
export type FieldErrors = Partial<Record<string, string>>;

type RawIssue = Parameters<z.core.$ZodErrorMap>[0];

/**
 * Plain-language messages for issues whose schema gave none; the shared schemas' own
 * messages ("Title is required") always win over these.
 */
export function humanizeIssue(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return 'Required';
      if (issue.origin === 'array') return `Pick at least ${String(issue.minimum)}`;
      return `Must be at least ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'string') return `Use at most ${String(issue.maximum)} characters`;
      if (issue.origin === 'array') return `Pick at most ${String(issue.maximum)}`;
      return `Must be at most ${String(issue.maximum)}`;
    case 'invalid_type':
      return issue.expected === 'number' ? 'Enter a number' : undefined;
    case 'invalid_format':
      switch (issue.format) {
        case 'email':
          return 'Enter a valid email address';
        case 'date':
          return 'Enter a valid date';
        case 'time':
          return 'Enter a valid time';
        case 'datetime':
          return 'Enter a valid date and time';
        default:
          return undefined;
      }
    default:
      return undefined;
  }
}

export function firstFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path[0];
    if (typeof key === 'string' && errors[key] === undefined) errors[key] = issue.message;
  }
  return errors;
}

export type Validation<T> = { data: T; errors: FieldErrors } | { data: null; errors: FieldErrors };

/** Parses form input with a shared schema: the output, or a message per field. */
export function validateWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
): Validation<z.output<S>> {
  const result = schema.safeParse(input, { error: humanizeIssue });
  if (result.success) return { data: result.data, errors: {} };
  return { data: null, errors: firstFieldErrors(result.error.issues) };
}

/** Field messages from a server BAD_REQUEST (the errorFormatter's flattened zod error). */
export function serverFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof TRPCClientError)) return {};
  const data: unknown = error.data;
  if (typeof data !== 'object' || data === null || !('zodError' in data)) return {};
  const zodError: unknown = data.zodError;
  if (typeof zodError !== 'object' || zodError === null || !('fieldErrors' in zodError)) return {};
  const fieldErrors: unknown = zodError.fieldErrors;
  if (typeof fieldErrors !== 'object' || fieldErrors === null) return {};
  const errors: FieldErrors = {};
  for (const [key, messages] of Object.entries(fieldErrors)) {
    if (Array.isArray(messages) && typeof messages[0] === 'string') errors[key] = messages[0];
  }
  return errors;
}

/**
 * Where a form shows the server's refusal: under the fields it names (a BAD_REQUEST with
 * field errors, or a code the form ties to a field, like CONFLICT on a name), else as one
 * message above the form.
 */
export function placeServerError(
  error: unknown,
  fields: readonly string[],
  fieldForCode: Partial<Record<TRPC_ERROR_CODE_KEY, string>> = {},
): { fieldErrors: FieldErrors; message: string | null } {
  const fieldErrors: FieldErrors = {};
  for (const [key, message] of Object.entries(serverFieldErrors(error))) {
    if (fields.includes(key)) fieldErrors[key] = message;
  }
  const code = getErrorCode(error);
  const codeField = code ? fieldForCode[code] : undefined;
  if (codeField) fieldErrors[codeField] = describeError(error);
  return {
    fieldErrors,
    message: Object.keys(fieldErrors).length > 0 ? null : describeError(error),
  };
}
