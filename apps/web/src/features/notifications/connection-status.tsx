import { RotateCw } from 'lucide-react';
import { Tooltip } from 'radix-ui';
import { useSyncExternalStore } from 'react';
import { Button } from '../../components/ui/button';
import { cn } from '../../lib/cn';
import { useNow } from '../../lib/use-now';
import { formatClockTime } from './format-time';
import { useNotificationsContext } from './notifications-context';
import type { HubSnapshot, StreamHub } from './stream-hub';
import type { StreamState } from './stream-status';

const labels: Record<StreamState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

const dots: Record<StreamState, string> = {
  connecting: 'bg-warning animate-pulse',
  live: 'bg-success',
  reconnecting: 'bg-warning animate-pulse',
  offline: 'bg-danger',
};

const noHub = () => () => undefined;
const startingSnapshot: HubSnapshot = { state: 'connecting', since: Date.now(), role: 'follower' };

function useStreamStatus(hub: StreamHub | null): HubSnapshot {
  return useSyncExternalStore(
    hub?.subscribe ?? noHub,
    () => hub?.getSnapshot() ?? startingSnapshot,
  );
}

function describe(status: HubSnapshot, now: number): string {
  const at = formatClockTime(new Date(status.since), new Date(now));
  switch (status.state) {
    case 'connecting':
      return 'Connecting to live updates…';
    case 'live':
      return `Live since ${at}. New notifications arrive as they happen.`;
    case 'reconnecting':
      return `Connection lost at ${at}. Reconnecting…`;
    case 'offline':
      return navigator.onLine
        ? `Offline since ${at}. Still retrying; you can also retry now.`
        : `Offline since ${at}: your device has no network. Updates resume when it's back.`;
  }
}

/**
 * Whether notifications are arriving live: a dot and a word, the since-when in a tooltip, and
 * "Retry now" whenever it is not live. "Live" only once the stream has delivered its first
 * event, not merely when a request is open.
 */
export function ConnectionStatus() {
  const { hub } = useNotificationsContext();
  const status = useStreamStatus(hub);
  const now = useNow(30_000);
  const label = labels[status.state];

  return (
    <div className="flex items-center">
      <Tooltip.Root>
        <Tooltip.Trigger asChild>
          {/* Focusable so keyboard users get the tooltip too. */}
          <span
            tabIndex={0}
            role="status"
            data-testid="connection-status"
            data-state={status.state}
            data-stream-role={status.role}
            className="inline-flex h-8 cursor-default items-center gap-2 rounded-md px-2 text-xs font-medium whitespace-nowrap text-fg-muted"
          >
            <span aria-hidden className={cn('size-2 shrink-0 rounded-full', dots[status.state])} />
            {label}
          </span>
        </Tooltip.Trigger>
        <Tooltip.Portal>
          <Tooltip.Content
            side="bottom"
            sideOffset={4}
            collisionPadding={8}
            className="z-50 max-w-64 animate-fade-in rounded-md border border-line bg-surface px-3 py-2 text-xs text-fg shadow-float"
          >
            {describe(status, now)}
          </Tooltip.Content>
        </Tooltip.Portal>
      </Tooltip.Root>
      {status.state !== 'live' && status.state !== 'connecting' && (
        <Button
          variant="ghost"
          size="sm"
          aria-label="Retry now"
          className="px-2"
          onClick={() => {
            hub?.retry();
          }}
        >
          <RotateCw aria-hidden />
          <span aria-hidden className="hidden md:inline">
            Retry now
          </span>
        </Button>
      )}
    </div>
  );
}
