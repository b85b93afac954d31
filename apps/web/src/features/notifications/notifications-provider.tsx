import type { Notification, StreamEvent } from '@acme/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { isUnauthorized } from '../../lib/errors';
import { trpc } from '../../lib/trpc';
import { useCurrentUser } from '../auth/current-user';
import { handleSessionEnded } from '../auth/session';
import { showDesktopNotification } from './desktop-notifications';
import { badgeText } from './format-time';
import { markArrived } from './live-arrivals';
import { notificationKeys } from './notification-keys';
import { createNotificationCache, type NotificationCache } from './notification-cache';
import { emptyBurst, nextBurst } from './burst';
import {
  dismissNotificationToast,
  showNotificationToast,
  showSummaryToast,
  summaryShowing,
} from './notification-toast';
import { NotificationsContext } from './notifications-context';
import { StreamHub, type EventMeta, type OpenStream } from './stream-hub';
import { useNotificationActionsFor } from './use-notification-actions';
import { useUnreadCount } from './use-notification-queries';
import { newsIn } from './stream-news';
import { cachedPreferences, channelsOf, usePreferences } from './use-preferences';

const BASE_TITLE = 'Acme Ops';

type TrpcClient = ReturnType<typeof trpc.useUtils>['client'];

/** How the hub opens the tRPC subscription, resuming after `lastEventId` when it has one. */
function streamOpener(client: TrpcClient): OpenStream {
  return (lastEventId, observer) => {
    const subscription = client.notifications.onEvent.subscribe(
      lastEventId === null ? undefined : { lastEventId },
      {
        onStarted: observer.onStarted,
        onData: observer.onData,
        onConnectionStateChange: observer.onConnectionStateChange,
        onError: observer.onError,
      },
    );
    return () => {
      subscription.unsubscribe();
    };
  };
}

/** The tab title shows the unread count, as the badge does: "(3) Acme Ops". */
function useUnreadTitle(): void {
  const badge = badgeText(useUnreadCount() ?? 0);
  useEffect(() => {
    document.title = badge ? `(${badge}) ${BASE_TITLE}` : BASE_TITLE;
  }, [badge]);
  useEffect(
    () => () => {
      document.title = BASE_TITLE;
    },
    [],
  );
}

/**
 * Tells the user about a new notification: a screen reader announcement, a toast unless the
 * panel is open, and a desktop notification from the tab holding the stream while hidden.
 */
function useNewNotificationAlerts(
  cache: NotificationCache,
  panelOpen: boolean,
  setPanelOpen: (open: boolean) => void,
) {
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState('');
  const actions = useNotificationActionsFor(cache);

  // The stream callbacks outlive renders: they read the latest values through a ref.
  const latest = useRef({ panelOpen, actions, setPanelOpen });
  useEffect(() => {
    latest.current = { panelOpen, actions, setPanelOpen };
  });
  const burst = useRef(emptyBurst);

  // A burst shows one summary toast, counting on while it lasts, instead of one each.
  const toastFor = useCallback((notification: Notification, open: () => void) => {
    const next = nextBurst(burst.current, notification.id, Date.now(), summaryShowing());
    burst.current = next.state;
    if (next.decision.kind === 'single') {
      showNotificationToast(notification, open);
      return;
    }
    next.decision.replaces.forEach(dismissNotificationToast);
    showSummaryToast(next.decision.count, () => {
      latest.current.setPanelOpen(true);
    });
  }, []);

  const announce = useCallback(
    (notification: Notification, meta: EventMeta) => {
      markArrived(notification.id);
      setAnnouncement(`New notification: ${notification.title}`);
      const open = () => {
        latest.current.actions.open(notification);
      };
      const channels = channelsOf(cachedPreferences(queryClient), notification.type);
      if (!latest.current.panelOpen && channels.toast) toastFor(notification, open);
      if (channels.desktop && meta.isLeader && document.hidden) {
        showDesktopNotification({
          tag: notification.id,
          title: notification.title,
          body: notification.message,
          onClick: open,
        });
      }
    },
    [queryClient, toastFor],
  );

  return { announcement, announce };
}

/**
 * The signed-in app's notification state: starts this tab's share of the stream, applies
 * every event to the cache, and tells the user about new notifications (toast, screen reader
 * announcement, tab title, desktop notification). Unmounting (sign-out) stops the stream.
 */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const { client } = trpc.useUtils();
  const [cache] = useState(() => createNotificationCache(queryClient, user));
  const [hub, setHub] = useState<StreamHub | null>(null);
  const [panelOpen, setPanelOpen] = useState(false);
  const { announcement, announce } = useNewNotificationAlerts(cache, panelOpen, setPanelOpen);

  useEffect(() => cache.attach(), [cache]);

  useEffect(() => {
    const onEvent = (event: StreamEvent, meta: EventMeta) => {
      if (event.kind === 'sync.reset') {
        void cache.refresh();
        return;
      }
      if (event.kind === 'preferences.updated') {
        queryClient.setQueryData(notificationKeys.preferences, event.preferences);
      }
      const news = newsIn(event, cache);
      cache.apply(event);
      if (news) announce(news, meta);
    };
    const next = new StreamHub({
      userId: user.id,
      openStream: streamOpener(client),
      onEvent,
      isUnauthorized,
      onUnauthorized: () => {
        handleSessionEnded(queryClient);
      },
    });
    next.start();
    setHub(next);
    return () => {
      next.stop();
      setHub(null);
    };
  }, [user.id, client, cache, queryClient, announce]);

  useUnreadTitle();
  // Loaded up front: a toast or desktop notification must follow the user's channels from
  // the first event, on every device (preferences.updated keeps it current).
  usePreferences();

  return (
    <NotificationsContext value={{ hub, cache, panelOpen, setPanelOpen }}>
      {children}
      <div aria-live="polite" aria-atomic="true" className="sr-only">
        {announcement}
      </div>
    </NotificationsContext>
  );
}
