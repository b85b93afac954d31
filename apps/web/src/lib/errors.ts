import { TRPCClientError } from '@trpc/client';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';

/** The tRPC error code of a failed call, or null for network failures and non-tRPC errors. */
export function getErrorCode(error: unknown): TRPC_ERROR_CODE_KEY | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data: unknown = error.data;
  if (typeof data !== 'object' || data === null || !('code' in data)) return null;
  return typeof data.code === 'string' ? (data.code as TRPC_ERROR_CODE_KEY) : null;
}

/** The HTTP status behind a failed call, also when a proxy or rate limiter answered. */
function getHttpStatus(error: unknown): number | null {
  if (!(error instanceof TRPCClientError)) return null;
  const response: unknown = error.meta?.response;
  return response instanceof Response ? response.status : null;
}

function hasZodError(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const data: unknown = error.data;
  return typeof data === 'object' && data !== null && 'zodError' in data && data.zodError != null;
}

export function isUnauthorized(error: unknown): boolean {
  return getErrorCode(error) === 'UNAUTHORIZED';
}

/** Codes where asking again gives the same answer. */
const finalCodes = new Set<TRPC_ERROR_CODE_KEY>([
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PRECONDITION_FAILED',
  'UNPROCESSABLE_CONTENT',
  'TOO_MANY_REQUESTS',
  'NOT_IMPLEMENTED',
]);

export function isRetryable(error: unknown): boolean {
  const code = getErrorCode(error);
  if (code === null) return getHttpStatus(error) !== 429;
  return !finalCodes.has(code);
}

/** A sentence to show the user: the server's own message when it refused on purpose. */
export function describeError(error: unknown): string {
  const code = getErrorCode(error);
  if (code === null) {
    return getHttpStatus(error) === 429
      ? 'Too many attempts. Wait a minute and try again.'
      : "Can't reach Acme Ops. Check your connection and try again.";
  }
  if (code === 'INTERNAL_SERVER_ERROR') return 'Something went wrong on our side. Try again.';
  // Input validation failures carry zod's raw issue list as their message: not for people.
  if (code === 'BAD_REQUEST' && hasZodError(error)) {
    return 'Some fields need attention. Check them and try again.';
  }
  return error instanceof Error && error.message ? error.message : 'Something went wrong.';
}
