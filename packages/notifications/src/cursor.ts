import { AppError } from '@acme/contracts';
import { z } from 'zod';

/**
 * Opaque page cursors: base64url of a payload the store chose (an index position). The
 * payload format is the store's business; clients only hand the cursor back.
 */
export function encodeCursor(payload: string): string {
  return Buffer.from(payload).toString('base64url');
}

/**
 * A schema that decodes a cursor into its payload and checks that the whole payload matches
 * `pattern`. A bad cursor is a ZodError with the issue 'Invalid cursor', like any other
 * invalid input.
 */
export function cursorSchema(pattern: RegExp) {
  // Anchored here, and without g/y, whose lastIndex would make test() stateful.
  const whole = new RegExp(`^(?:${pattern.source})$`, pattern.flags.replace(/[gy]/g, ''));
  return z
    .string()
    .max(200)
    .transform((value, ctx): string => {
      const payload = Buffer.from(value, 'base64url').toString('utf8');
      if (whole.test(payload)) return payload;
      ctx.addIssue({ code: 'custom', message: 'Invalid cursor', input: value });
      return z.NEVER;
    });
}

/**
 * Decodes a cursor the client sent back. A forged or foreign one is the caller's mistake, a
 * BAD_REQUEST, not a failure of ours (it used to surface as a 500).
 */
export function decodeCursor<T>(schema: z.ZodType<T, string>, cursor: string): T {
  const result = schema.safeParse(cursor);
  if (!result.success) throw new AppError('BAD_REQUEST', 'Invalid cursor');
  return result.data;
}
