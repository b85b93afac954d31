import type { Notification } from '@acme/contracts';
import { BellRing, X, type LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { toast } from 'sonner';
import { notificationTypeInfo } from './notification-types';

/**
 * A toast card: the whole card opens what it is about; the close button only dismisses.
 * Sonner pauses its 5 s timer while the pointer is over the toasts.
 */
function ToastCard({
  testId,
  icon: Icon,
  onOpen,
  onDismiss,
  children,
}: {
  testId: string;
  icon: LucideIcon;
  onOpen: () => void;
  onDismiss: () => void;
  children: ReactNode;
}) {
  return (
    <div
      data-testid={testId}
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
        <span className="min-w-0 flex-1">{children}</span>
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

/** The toast for a notification that just arrived. */
function NotificationToast({
  notification,
  onOpen,
  onDismiss,
}: {
  notification: Notification;
  onOpen: () => void;
  onDismiss: () => void;
}) {
  return (
    <ToastCard
      testId="notification-toast"
      icon={notificationTypeInfo[notification.type].icon}
      onOpen={onOpen}
      onDismiss={onDismiss}
    >
      <span className="block text-xs text-fg-muted">New notification</span>
      <span className="block truncate font-semibold">{notification.title}</span>
      {notification.message && (
        <span className="mt-0.5 line-clamp-2 text-fg-muted">{notification.message}</span>
      )}
    </ToastCard>
  );
}

const shown = new Set<string>();
/**
 * The toast showing each notification. Every showing gets a new toast id: sonner drops an
 * update to a toast that is already closing, so a snoozed item waking just as its first toast
 * closed would reuse that id and show nothing.
 */
const toastOf = new Map<string, string>();
let showings = 0;

export function showNotificationToast(notification: Notification, onOpen: () => void): void {
  dismissNotificationToast(notification.id);
  showings += 1;
  const id = `notification-${notification.id}-${showings}`;
  toastOf.set(notification.id, id);
  shown.add(id);
  const forget = () => {
    shown.delete(id);
    if (toastOf.get(notification.id) === id) toastOf.delete(notification.id);
  };
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
    { id, duration: 5_000, onDismiss: forget, onAutoClose: forget },
  );
}

/** The summary on screen: like a single toast, each showing gets a new id. */
let summaryId: string | null = null;
let summaries = 0;

export const summaryShowing = (): boolean => summaryId !== null;

/** The single toast of a notification, taken over by a summary. */
export function dismissNotificationToast(notificationId: string): void {
  const id = toastOf.get(notificationId);
  if (id === undefined) return;
  toast.dismiss(id);
  shown.delete(id);
  toastOf.delete(notificationId);
}

/** One toast for a burst, "12 new notifications", updated in place as more arrive. */
export function showSummaryToast(count: number, onOpen: () => void): void {
  if (summaryId === null) {
    summaries += 1;
    summaryId = `notification-summary-${summaries}`;
  }
  const id = summaryId;
  shown.add(id);
  const forget = () => {
    shown.delete(id);
    if (summaryId === id) summaryId = null;
  };
  const dismiss = () => {
    toast.dismiss(id);
    forget();
  };
  toast.custom(
    () => (
      <ToastCard
        testId="notification-summary-toast"
        icon={BellRing}
        onOpen={() => {
          dismiss();
          onOpen();
        }}
        onDismiss={dismiss}
      >
        <span className="block font-semibold tabular-nums">{count} new notifications</span>
        <span className="block text-xs text-fg-muted">Open the inbox to see them</span>
      </ToastCard>
    ),
    { id, duration: 5_000, onDismiss: forget, onAutoClose: forget },
  );
}

/** The panel has opened: the toasts would only repeat what it shows. */
export function dismissNotificationToasts(): void {
  for (const id of shown) toast.dismiss(id);
  shown.clear();
  toastOf.clear();
  summaryId = null;
}
