import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isRetryable, isUnauthorized } from './errors';

/**
 * `onUnauthorized` runs when any query finds the session gone (expired, signed out in another
 * tab), so the app can drop its data and show the sign-in page.
 */
export function createQueryClient(opts: { onUnauthorized: (client: QueryClient) => void }) {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isUnauthorized(error)) opts.onUnauthorized(client);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => failureCount < 2 && isRetryable(error),
      },
      mutations: { retry: false },
    },
  });
  return client;
}
