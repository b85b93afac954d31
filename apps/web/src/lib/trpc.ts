import { httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { createTRPCReact } from '@trpc/react-query';
import type { AppRouter } from '@acme/api';

export const trpc = createTRPCReact<AppRouter>();

/**
 * Same-origin, cookie session. Subscriptions go over SSE (EventSource sends the cookie itself);
 * everything else over httpBatchLink, not the streaming variant: auth.login sets a cookie, and a
 * streamed response cannot set headers once it has started. httpBatchLink sends
 * `content-type: application/json` on every POST, which the server requires (CSRF guard).
 */
export function createTrpcClient() {
  return trpc.createClient({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url: '/trpc' }),
        false: httpBatchLink({ url: '/trpc', maxURLLength: 2000 }),
      }),
    ],
  });
}
