import { z } from 'zod';

/** A list position: the (score, member) of the last item of the previous page. */
export interface ListCursor {
  score: string;
  member: string;
}

const decoded = /^(\d{1,16}):([A-Za-z0-9_-]{1,64})$/;

export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(`${cursor.score}:${cursor.member}`).toString('base64url');
}

/** Parses an opaque cursor; a bad one is a ZodError like any other invalid input. */
export const listCursorSchema = z
  .string()
  .max(200)
  .transform((value, ctx): ListCursor => {
    const match = decoded.exec(Buffer.from(value, 'base64url').toString('utf8'));
    if (!match?.[1] || !match[2]) {
      ctx.addIssue({ code: 'custom', message: 'Invalid cursor', input: value });
      return z.NEVER;
    }
    return { score: match[1], member: match[2] };
  });
