import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '@acme/contracts';
import { formatError, logProcedureError, toTRPCError } from './errors';

const shapeOf = (error: TRPCError) =>
  formatError({
    error,
    shape: {
      message: error.message,
      code: -32603,
      data: { code: error.code, httpStatus: 500, path: 'x.y', stack: error.stack },
    },
  });

function recordingLogger() {
  const lines: { level: string; obj: object; msg: string }[] = [];
  const at = (level: string) => (obj: object, msg: string) => {
    lines.push({ level, obj, msg });
  };
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

describe('the error path', () => {
  it('maps an AppError to its code and message', () => {
    const mapped = toTRPCError(new AppError('CONFLICT', 'Name taken'));
    expect(mapped.code).toBe('CONFLICT');
    expect(shapeOf(mapped).message).toBe('Name taken');
  });

  it('says nothing of an unexpected error, and drops every stack', () => {
    const shape = shapeOf(toTRPCError(new Error('WRONGTYPE at /srv/app/dist/main.js:12')));
    expect(shape.message).toBe('Something went wrong on our side');
    expect(JSON.stringify(shape)).not.toMatch(/stack|WRONGTYPE|main\.js/);
    // tRPC's own wrapping of a thrown value (message = the cause's) is hidden the same way.
    const wrapped = new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: new Error('secret') });
    expect(shapeOf(wrapped).message).toBe('Something went wrong on our side');
  });

  it('turns input issues into a sentence, with the issues by field', () => {
    const zodError = z.object({ title: z.string().min(1, 'Title is required') }).safeParse({
      title: '',
    }).error;
    const shape = shapeOf(new TRPCError({ code: 'BAD_REQUEST', cause: zodError }));
    expect(shape.message).toBe('Invalid input: title: Title is required');
    expect(shape.data.zodError?.fieldErrors).toEqual({ title: ['Title is required'] });
    expect(shape.data.issues).toEqual([
      { code: 'too_small', path: ['title'], message: 'Title is required' },
    ]);
  });

  it('logs failures of ours at error with the cause, refusals at info', () => {
    const logger = recordingLogger();
    const cause = new Error('boom');
    logProcedureError(logger, { error: toTRPCError(cause), path: 'a' });
    logProcedureError(logger, { error: toTRPCError(new AppError('NOT_FOUND', 'Gone')), path: 'b' });
    const restarting = new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'Restarting' });
    logProcedureError(logger, { error: restarting, path: 'c' });
    expect(logger.lines.map((l) => [l.level, l.msg])).toEqual([
      ['error', 'procedure failed'],
      ['info', 'procedure refused'],
      ['info', 'procedure refused'],
    ]);
    expect(logger.lines[0]?.obj).toMatchObject({ err: cause });
  });
});
