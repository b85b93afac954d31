import { BellRing, BellOff, ChevronDown, LogOut, Settings } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { toast } from 'sonner';
import { Avatar } from '../../components/ui/avatar';
import { Badge } from '../../components/ui/badge';
import { cn } from '../../lib/cn';
import { roleLabel } from '../../lib/roles';
import { navigate } from '../../lib/router';
import { useCurrentUser } from '../auth/current-user';
import { useSignOut } from '../auth/use-sign-out';
import { useDesktopNotifications } from '../notifications/desktop-notifications';

const itemClass =
  'flex h-8 cursor-pointer items-center gap-2 rounded-sm px-2 text-fg outline-none select-none data-disabled:cursor-default data-disabled:opacity-60 data-highlighted:bg-muted';

/** Opt-in desktop notifications: shown only while the app's tab is in the background. */
function DesktopNotificationsItem() {
  const desktop = useDesktopNotifications();
  switch (desktop.state) {
    case 'unsupported':
      return null;
    case 'blocked':
      return (
        <DropdownMenu.Item disabled className={cn(itemClass, 'h-auto py-1.5')}>
          <BellOff aria-hidden className="size-4 shrink-0 text-fg-muted" />
          <span>
            Desktop notifications blocked
            <span className="block text-xs text-fg-muted">Allow them in your browser settings</span>
          </span>
        </DropdownMenu.Item>
      );
    case 'on':
      return (
        <DropdownMenu.Item
          onSelect={() => {
            desktop.disable();
            toast('Desktop notifications off');
          }}
          className={itemClass}
        >
          <BellOff aria-hidden className="size-4 text-fg-muted" />
          Turn off desktop notifications
        </DropdownMenu.Item>
      );
    case 'off':
      return (
        <DropdownMenu.Item
          onSelect={() => {
            void desktop.enable().then((state) => {
              if (state === 'on') {
                toast.success('Desktop notifications on', {
                  description: 'You will get one when this tab is in the background.',
                });
              } else if (state === 'blocked') {
                toast('Desktop notifications blocked', {
                  description: 'Allow them in your browser settings to turn them on.',
                });
              }
            });
          }}
          className={itemClass}
        >
          <BellRing aria-hidden className="size-4 text-fg-muted" />
          Enable desktop notifications
        </DropdownMenu.Item>
      );
  }
}

export function UserMenu() {
  const user = useCurrentUser();
  const signOut = useSignOut();

  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="inline-flex h-10 cursor-pointer items-center gap-2 rounded-md px-1 transition-colors hover:bg-muted data-[state=open]:bg-muted sm:pr-2">
        <Avatar name={user.name} decorative />
        {/* Visually hidden on phones, but still the button's accessible name. */}
        <span className="sr-only max-w-40 truncate text-sm font-medium sm:not-sr-only">
          {user.name}
        </span>
        <ChevronDown aria-hidden className="hidden size-4 text-fg-subtle sm:block" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={8}
          collisionPadding={8}
          className="z-50 w-64 animate-fade-in rounded-md border border-line bg-surface p-1 shadow-float"
        >
          <div className="flex items-start gap-3 px-2 py-2">
            <Avatar name={user.name} decorative />
            <div className="min-w-0">
              <p className="truncate font-medium text-fg">{user.name}</p>
              <p className="truncate text-xs text-fg-muted">{user.email}</p>
              <Badge tone="accent" className="mt-2">
                {roleLabel(user.role)}
              </Badge>
            </div>
          </div>
          <DropdownMenu.Separator className="-mx-1 my-1 h-px bg-line" />
          <DropdownMenu.Item
            onSelect={() => {
              navigate({ section: 'settings' });
            }}
            className={itemClass}
          >
            <Settings aria-hidden className="size-4 text-fg-muted" />
            Notification settings
          </DropdownMenu.Item>
          <DesktopNotificationsItem />
          <DropdownMenu.Item
            disabled={signOut.isPending}
            onSelect={() => {
              signOut.mutate();
            }}
            className={itemClass}
          >
            <LogOut aria-hidden className="size-4 text-fg-muted" />
            Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
