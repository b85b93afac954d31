import type { Notification } from '@acme/contracts';
import { X } from 'lucide-react';
import { toast } from 'sonner';
import { notificationTypeInfo } from './notification-types';

/**
 * The toast for a notification that just arrived: the whole card opens it; the close button
 * only dismisses. Sonner pauses its 5 s timer while the pointer is over the toasts.
 */
function NotificationToast({
  notification,
  onOpen,
  onDismiss,
}: {
  notification: Notification;
  onOpen: () => void;
  onDismiss: () => void;
}) {
  const { icon: Icon } = notificationTypeInfo[notification.type];
  return (
    <div
      data-testid="notification-toast"
      className="notification-toast relative w-[var(--width)] max-w-full rounded-md border border-line bg-surface text-sm text-fg shadow-float"
    >
      <button
        type="button"
        onClick={onOpen}
        className="flex w-full cursor-pointer items-start gap-3 rounded-md p-4 pr-10 text-left hover:bg-muted"
      >
        <span className="flex size-8 shrink-0 items-center justify-center rounded-md bg-accent-soft text-accent-text">
          <Icon aria-hidden className="size-4" />
        </span>
        <span className="min-w-0 flex-1">
          <span className="block text-xs text-fg-muted">New notification</span>
          <span className="block truncate font-semibold">{notification.title}</span>
          {notification.message && (
            <span className="mt-0.5 line-clamp-2 text-fg-muted">{notification.message}</span>
          )}
        </span>
      </button>
      <button
        type="button"
        aria-label="Dismiss"
        onClick={onDismiss}
        className="absolute top-2 right-2 flex size-8 cursor-pointer items-center justify-center rounded-md text-fg-muted hover:bg-muted hover:text-fg"
      >
        <X aria-hidden className="size-4" />
      </button>
    </div>
  );
}

const shown = new Set<string>();

export function showNotificationToast(notification: Notification, onOpen: () => void): void {
  const id = `notification-${notification.id}`;
  shown.add(id);
  toast.custom(
    () => (
      <NotificationToast
        notification={notification}
        onOpen={() => {
          toast.dismiss(id);
          onOpen();
        }}
        onDismiss={() => {
          toast.dismiss(id);
        }}
      />
    ),
    {
      id,
      duration: 5_000,
      onDismiss: () => shown.delete(id),
      onAutoClose: () => shown.delete(id),
    },
  );
}

/** The panel has opened: the toasts would only repeat what it shows. */
export function dismissNotificationToasts(): void {
  for (const id of shown) toast.dismiss(id);
  shown.clear();
}
