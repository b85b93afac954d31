import { AppError } from '@acme/contracts';
import type { ApplyResult } from './records/store';

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);

/** Another request changed the record between our read and our write, too often in a row. */
export const busy = (what: string) =>
  new AppError('CONFLICT', `The ${what} changed while saving; try again`);

/**
 * A new record has a fresh id, so its write can only fail if something is badly wrong: the
 * caller gets a plain 500, the log says which record.
 */
export function expectCreated(result: ApplyResult, what: string, id: string): void {
  if (result !== 'applied') {
    throw new Error(`${what} ${id} could not be created (${result})`);
  }
}
