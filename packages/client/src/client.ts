import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { EventSource } from 'eventsource';
import type { AppRouter } from '@acme/api';

export interface NotificationsClientOptions {
  /** The server's base URL, e.g. http://127.0.0.1:3000 */
  url: string;
  /** An access token from `auth.createToken`, or a function returning the current one. */
  token: string | (() => string);
}

/**
 * A typed tRPC client for Node services and scripts. Mutations and queries go over HTTP with
 * `Authorization: Bearer`; `notifications.onEvent` streams over SSE with the same header and
 * resumes after drops from the last tracked event id.
 */
export function createNotificationsClient({ url, token }: NotificationsClientOptions) {
  const endpoint = `${url.replace(/\/+$/, '')}/trpc`;
  const authorization = () => `Bearer ${typeof token === 'function' ? token() : token}`;
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url: endpoint,
          EventSource,
          // Node's EventSource can send headers through its fetch hook; browsers cannot.
          eventSourceOptions: () => ({
            fetch: (input, init) =>
              fetch(input, {
                ...init,
                headers: { ...init.headers, authorization: authorization() },
              }),
          }),
        }),
        false: httpBatchLink({
          url: endpoint,
          headers: () => ({ authorization: authorization() }),
        }),
      }),
    ],
  });
}

export type NotificationsClient = ReturnType<typeof createNotificationsClient>;
