import { ChevronDown, LogOut } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { Avatar } from '../../components/ui/avatar';
import { Badge } from '../../components/ui/badge';
import { roleLabel } from '../../lib/roles';
import { useCurrentUser } from '../auth/current-user';
import { useSignOut } from '../auth/use-sign-out';

export function UserMenu() {
  const user = useCurrentUser();
  const signOut = useSignOut();

  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="inline-flex h-8 cursor-pointer items-center gap-2 rounded-md px-1 transition-colors hover:bg-muted data-[state=open]:bg-muted sm:pr-2">
        <Avatar name={user.name} size="sm" decorative />
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
            disabled={signOut.isPending}
            onSelect={() => {
              signOut.mutate();
            }}
            className="flex h-8 cursor-pointer items-center gap-2 rounded-sm px-2 text-fg outline-none select-none data-disabled:opacity-60 data-highlighted:bg-muted"
          >
            <LogOut aria-hidden className="size-4 text-fg-muted" />
            Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
