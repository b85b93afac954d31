import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { z, ZodError } from 'zod';
import { AppError } from '@acme/contracts';
import type { Logger } from '@acme/domain';
import { asStoreUnavailable } from '@acme/redis';

const INTERNAL = 'Something went wrong on our side';

/**
 * The one mapping from a thrown value to what the client is told: an AppError keeps its code
 * and message, a TRPCError stays as it is, anything else is a 500 whose details stay in the
 * server log (the original is kept as `cause`).
 */
export function toTRPCError(err: unknown): TRPCError {
  if (err instanceof TRPCError) return err;
  const known = asAppError(err);
  if (known) return new TRPCError({ code: known.code, message: known.message, cause: known });
  return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: INTERNAL, cause: err });
}

/** The AppError a thrown value stands for: itself, or Redis being unreachable (a 503). */
export function asAppError(err: unknown): AppError | null {
  return err instanceof AppError ? err : asStoreUnavailable(err);
}

/** What a client may read of an error's message: never an unexpected error's own text. */
function publicMessage(error: TRPCError): string {
  if (error.cause instanceof ZodError) return describeIssues(error.cause);
  if (error.code === 'INTERNAL_SERVER_ERROR' && !(error.cause instanceof AppError)) {
    return INTERNAL;
  }
  return error.message;
}

/** A sentence naming the first few invalid fields, e.g. "Invalid input: title: Too big". */
function describeIssues(error: ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => {
    const field = issue.path.map(String).join('.');
    return field ? `${field}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length > shown.length ? ` (and ${error.issues.length - 3} more)` : '';
  return `Invalid input: ${shown.join('; ')}${more}`;
}

interface ShapeIn {
  message: string;
  code: number;
  data: { code: string; httpStatus: number; path?: string; stack?: string };
}

/**
 * The router's errorFormatter. tRPC puts `stack` into every shape unless NODE_ENV is
 * production; it is dropped here, whatever the environment. Input errors carry their
 * issues by field (`zodError.fieldErrors`) and as a list (`issues`).
 */
export function formatError({ shape, error }: { shape: ShapeIn; error: TRPCError }) {
  const zodError = error.cause instanceof ZodError ? error.cause : null;
  const { stack: _stack, ...data } = shape.data;
  return {
    ...shape,
    message: publicMessage(error),
    data: {
      ...data,
      zodError: zodError ? z.flattenError(zodError) : null,
      issues: zodError?.issues.map(({ code, path, message }) => ({ code, path, message })) ?? null,
    },
  };
}

/**
 * The one logging policy for procedure errors: a failure of ours (a 5xx from an unexpected
 * error) at error level with the original error and its stack; everything we refused on
 * purpose (4xx, and a deliberate 5xx such as "Server is restarting" when a stream ends at
 * shutdown) at info, without a stack.
 */
export function logProcedureError(
  logger: Logger,
  { error, path }: { error: TRPCError; path: string | undefined },
): void {
  const deliberate = error.cause === undefined || error.cause instanceof AppError;
  if (getHTTPStatusCodeFromError(error) >= 500 && !deliberate) {
    logger.error({ err: error.cause ?? error, path, code: error.code }, 'procedure failed');
    return;
  }
  logger.info({ path, code: error.code, message: publicMessage(error) }, 'procedure refused');
}
