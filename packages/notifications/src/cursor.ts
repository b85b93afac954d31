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
