import { QueryClientProvider } from '@tanstack/react-query';
import { Tooltip } from 'radix-ui';
import { useState } from 'react';
import { Toaster } from './components/ui/toaster';
import { AuthGate } from './features/auth/auth-gate';
import { handleSessionEnded } from './features/auth/session';
import { NotificationsProvider } from './features/notifications/notifications-provider';
import { AppShell } from './features/shell/app-shell';
import { createQueryClient } from './lib/query-client';
import { createTrpcClient, trpc } from './lib/trpc';

export function App() {
  const [queryClient] = useState(() => createQueryClient({ onUnauthorized: handleSessionEnded }));
  const [trpcClient] = useState(createTrpcClient);

  return (
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>
        <Tooltip.Provider delayDuration={400}>
          <AuthGate>
            <NotificationsProvider>
              <AppShell />
            </NotificationsProvider>
          </AuthGate>
        </Tooltip.Provider>
        <Toaster />
      </QueryClientProvider>
    </trpc.Provider>
  );
}
