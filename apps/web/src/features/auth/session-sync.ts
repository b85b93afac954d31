import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

/**
 * Signing in or out in one tab applies to every tab: they share the cookie, so a tab that
 * kept showing the old state would only find out on its next request (and a tab holding the
 * notification stream would keep it open for a user who has left).
 */
const CHANNEL_NAME = 'acme-session';

type SessionMessage = { type: 'signed-in' } | { type: 'signed-out' };

let channel: BroadcastChannel | null = null;

function getChannel(): BroadcastChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  channel ??= new BroadcastChannel(CHANNEL_NAME);
  return channel;
}

export function broadcastSessionChange(type: SessionMessage['type']): void {
  getChannel()?.postMessage({ type } satisfies SessionMessage);
}

function isSessionMessage(value: unknown): value is SessionMessage {
  if (typeof value !== 'object' || value === null) return false;
  const { type } = value as { type?: unknown };
  return type === 'signed-in' || type === 'signed-out';
}

/** Follows sign-ins and sign-outs made in other tabs. Mount once, above the auth gate. */
export function useSessionSync(handlers: {
  onSignedOut: (queryClient: QueryClient) => void;
  onSignedIn: (queryClient: QueryClient) => void;
}): void {
  const queryClient = useQueryClient();
  const { onSignedIn, onSignedOut } = handlers;
  useEffect(() => {
    // Its own instance: a BroadcastChannel never hears its own messages, and the shared
    // one above is the sender.
    if (typeof BroadcastChannel === 'undefined') return undefined;
    const listener = new BroadcastChannel(CHANNEL_NAME);
    listener.onmessage = (event: MessageEvent) => {
      if (!isSessionMessage(event.data)) return;
      if (event.data.type === 'signed-out') onSignedOut(queryClient);
      else onSignedIn(queryClient);
    };
    return () => {
      listener.close();
    };
  }, [queryClient, onSignedIn, onSignedOut]);
}
