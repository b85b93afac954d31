/** The failures a domain action reports to its caller; the names are tRPC's error codes. */
export type DomainErrorCode =
  'BAD_REQUEST' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'INTERNAL_SERVER_ERROR';

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found`);

/** Another request changed the record between our read and our write, too often in a row. */
export const busy = (what: string) =>
  new DomainError('CONFLICT', `The ${what} changed while saving; try again`);
