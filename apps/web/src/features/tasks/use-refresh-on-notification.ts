import { useEffect, useRef } from 'react';
import { useUnreadCount } from '../notifications/use-notification-queries';

/**
 * Runs `refresh` when a notification arrives (the unread count goes up), for what the
 * stream's record events do not carry: a reminder firing, a group you were added to.
 */
export function useRefreshOnNotification(refresh: () => void) {
  const unread = useUnreadCount();
  const previous = useRef(unread);
  const latest = useRef(refresh);
  useEffect(() => {
    latest.current = refresh;
  });
  useEffect(() => {
    const before = previous.current;
    previous.current = unread;
    if (before !== undefined && unread !== undefined && unread > before) latest.current();
  }, [unread]);
}
