import { createContext, use } from 'react';
import type { NotificationCache } from './notification-cache';
import type { StreamHub } from './stream-hub';

export interface NotificationsContextValue {
  /** The tab's share of the stream; null until the provider has started it. */
  hub: StreamHub | null;
  cache: NotificationCache;
  panelOpen: boolean;
  setPanelOpen: (open: boolean) => void;
}

export const NotificationsContext = createContext<NotificationsContextValue | null>(null);

export function useNotificationsContext(): NotificationsContextValue {
  const value = use(NotificationsContext);
  if (!value) throw new Error('Notification components must be inside NotificationsProvider');
  return value;
}
