import type { NotificationType, NotificationView } from '@acme/contracts';
import { Bell, X } from 'lucide-react';
import { Dialog, Popover } from 'radix-ui';
import { useId, useRef, useState, type ComponentProps } from 'react';
import { Button } from '../../components/ui/button';
import { cn } from '../../lib/cn';
import { useMediaQuery } from '../../lib/use-media-query';
import { badgeText } from './format-time';
import type { InboxTab } from './notification-filter';
import { NotificationPanel } from './notification-panel';
import { dismissNotificationToasts } from './notification-toast';
import { useNotificationsContext } from './notifications-context';
import { usePanelTabOrder } from './panel-tab-order';
import { useUnreadCount } from './use-notification-queries';

interface BellButtonProps extends ComponentProps<'button'> {
  unread: number | undefined;
}

/** Radix triggers pass their props and ref (a plain prop in React 19) through to this. */
function BellButton({ unread, className, ...props }: BellButtonProps) {
  const badge = badgeText(unread ?? 0);
  return (
    <button
      type="button"
      aria-label={unread === undefined ? 'Notifications' : `Notifications, ${unread} unread`}
      className={cn(
        'relative inline-flex size-10 cursor-pointer items-center justify-center rounded-md text-fg-muted transition-colors hover:bg-muted hover:text-fg data-[state=open]:bg-muted data-[state=open]:text-fg',
        className,
      )}
      {...props}
    >
      <Bell aria-hidden className="size-5" />
      {badge && (
        // Keyed by the count so each change replays the little pop.
        <span
          key={badge}
          aria-hidden
          data-testid="notification-badge"
          className="absolute top-1 right-0.5 flex h-[1.125rem] min-w-[1.125rem] animate-badge-pop items-center justify-center rounded-full bg-accent px-1 text-xs leading-none font-semibold text-on-accent tabular-nums ring-2 ring-surface"
        >
          {badge}
        </span>
      )}
    </button>
  );
}

/**
 * The bell and its inbox: a popover anchored to the bell on wide screens, a full-height sheet
 * on phones. View, tab and type filter survive closing; Escape closes and puts focus back here.
 */
export function NotificationBell() {
  const { panelOpen, setPanelOpen: setOpen } = useNotificationsContext();
  const setPanelOpen = (open: boolean) => {
    if (open) dismissNotificationToasts();
    setOpen(open);
  };
  const wide = useMediaQuery('(min-width: 40rem)');
  const unread = useUnreadCount();
  const [view, setView] = useState<NotificationView>('inbox');
  const [tab, setTab] = useState<InboxTab>('all');
  const [types, setTypes] = useState<NotificationType[]>([]);
  const panelRef = useRef<HTMLDivElement>(null);
  const bellRef = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const onPanelKeyDown = usePanelTabOrder({ open: panelOpen && wide, bellRef, panelRef });

  const heading = (
    <h2 id={headingId} className="text-base font-semibold text-fg">
      Notifications
    </h2>
  );
  const panelProps = {
    panelRef,
    view,
    onViewChange: setView,
    tab,
    onTabChange: setTab,
    types,
    onTypesChange: setTypes,
    onNavigate: () => {
      setPanelOpen(false);
    },
  };
  // Start on the newest notification, so arrow keys work at once; the list does it later
  // if it is still loading.
  // A toast's Undo is part of working in the panel: clicking it keeps the panel open.
  const keepOpenForToasts = (event: Event) => {
    if (event.target instanceof Element && event.target.closest('[data-sonner-toaster]')) {
      event.preventDefault();
    }
  };
  const focusInitial = (event: Event) => {
    event.preventDefault();
    const panel = panelRef.current;
    const first = panel?.querySelector<HTMLElement>('[data-item-link][tabindex="0"]');
    (first ?? panel)?.focus();
  };

  if (wide) {
    return (
      <Popover.Root open={panelOpen} onOpenChange={setPanelOpen}>
        <Popover.Trigger asChild>
          <BellButton ref={bellRef} unread={unread} />
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content
            align="end"
            sideOffset={8}
            collisionPadding={8}
            aria-labelledby={headingId}
            onOpenAutoFocus={focusInitial}
            onInteractOutside={keepOpenForToasts}
            onKeyDown={onPanelKeyDown}
            // Tabbing on to the page leaves it open, so Shift+Tab comes back in.
            onFocusOutside={(event) => {
              event.preventDefault();
            }}
            className="z-50 flex h-[min(36rem,calc(100dvh-5rem))] w-[26rem] max-w-[calc(100vw-1rem)] animate-fade-in flex-col overflow-hidden rounded-md border border-line bg-surface shadow-float"
          >
            <NotificationPanel heading={heading} {...panelProps} />
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
    );
  }

  return (
    <Dialog.Root open={panelOpen} onOpenChange={setPanelOpen}>
      <Dialog.Trigger asChild>
        <BellButton unread={unread} />
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 animate-fade-in bg-black/40" />
        <Dialog.Content
          aria-labelledby={headingId}
          aria-describedby={undefined}
          onOpenAutoFocus={focusInitial}
          onInteractOutside={keepOpenForToasts}
          className="fixed inset-0 z-50 flex animate-sheet-in flex-col bg-surface pb-[env(safe-area-inset-bottom)]"
        >
          <NotificationPanel
            heading={<Dialog.Title asChild>{heading}</Dialog.Title>}
            closeButton={
              <Dialog.Close asChild>
                <Button variant="ghost" size="icon" aria-label="Close notifications">
                  <X aria-hidden />
                </Button>
              </Dialog.Close>
            }
            {...panelProps}
          />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
