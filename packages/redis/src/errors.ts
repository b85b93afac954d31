import { AppError } from '@acme/contracts';

export class StoreUnavailableError extends AppError {
  override readonly name = 'StoreUnavailableError';

  /** The write was made but not confirmed by enough replicas: it may survive, or not. */
  readonly unconfirmed: boolean;

  constructor(
    /** What Redis or the client said, e.g. "CLUSTERDOWN The cluster is down". */
    readonly detail: string,
    options?: ErrorOptions & { unconfirmed?: boolean },
  ) {
    super(
      'SERVICE_UNAVAILABLE',
      `Storage is unavailable right now (${detail}); the change was not confirmed. Try again in a few seconds.`,
      options,
    );
    this.unconfirmed = options?.unconfirmed ?? false;
  }
}

// Replies and client errors meaning "no master can take this now", not "the command is wrong".
const unavailableReply = /^(CLUSTERDOWN|TRYAGAIN|MASTERDOWN|LOADING|READONLY|NOREPLICAS)\b/;
const unavailableClient =
  /^(Too many Cluster redirections|Connection is closed|Command timed out|None of startup nodes|Failed to refresh slots cache|Cluster is ended|Reached the max retries per request)/;
const unavailableNames = new Set([
  'MaxRetriesPerRequestError',
  'ClusterAllFailedError',
  'AbortError',
]);

/** The store-unavailable error an ioredis failure stands for, or null for any other error. */
export function asStoreUnavailable(err: unknown): StoreUnavailableError | null {
  if (err instanceof StoreUnavailableError) return err;
  if (!(err instanceof Error)) return null;
  if (
    unavailableNames.has(err.name) ||
    unavailableReply.test(err.message) ||
    unavailableClient.test(err.message)
  ) {
    return new StoreUnavailableError(err.message.split('\n')[0]?.slice(0, 120) ?? err.name, {
      cause: err,
    });
  }
  if (err instanceof AggregateError) {
    for (const inner of err.errors) {
      const found = asStoreUnavailable(inner);
      if (found) return found;
    }
  }
  return null;
}
